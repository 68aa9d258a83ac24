using AccuracyHarness.Core.Backends;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>Every ONNX ConvTranspose node test shape, on PoCL, against the reference.</summary>
public class NodeCaseTests
{
    private static readonly OpenClOptions ZeroInsertion = OpenClOptions.Default with { ZeroInsertion = true };

    [TestCaseSource(typeof(NodeCases), nameof(NodeCases.All))]
    public void Direct_agrees_with_the_reference(string id)
    {
        var run = CaseRun.Of(new OpenClDirectBackend(TestDevices.Pocl, OpenClOptions.Default), NodeCases.Case(id, "_bias"));
        Assert.That(run.IsClean, run.Describe());
    }

    [TestCaseSource(typeof(NodeCases), nameof(NodeCases.All))]
    public void Replaced_with_the_corrected_rule_agrees_with_the_reference(string id)
    {
        var run = CaseRun.Of(new OpenClReplacedBackend(TestDevices.Pocl, ZeroInsertion, []), NodeCases.Case(id, "_bias"));
        Assert.That(run.IsClean, run.Describe());
        Assert.That(run.Produced.Stages.Select(s => s.Stage), Does.Contain("weights_reorder"));
    }

    [TestCaseSource(typeof(NodeCases), nameof(NodeCases.All))]
    public void Both_are_bit_identical_to_the_reference_in_exact_mode(string id)
    {
        foreach (var backend in new IBackend[] { new OpenClDirectBackend(TestDevices.Pocl, OpenClOptions.Default),
            new OpenClReplacedBackend(TestDevices.Pocl, ZeroInsertion, []) })
        {
            var run = CaseRun.Of(backend, NodeCases.Case(id, "_bias_exact_f32"));
            Assert.That(run.Metrics.MaxAbsErr, Is.Zero, $"{backend.Name}: {run.Describe()}");
            Assert.That(run.IsClean, $"{backend.Name}: {run.Describe()}");
        }
    }

    [Test]
    public void Without_zero_insertion_the_corrected_rule_is_not_applicable_to_strides_above_one()
    {
        var run = CaseRun.Of(new OpenClReplacedBackend(TestDevices.Pocl, OpenClOptions.Default, []),
            NodeCases.Case(NodeCases.Ids["test_convtranspose_pads"]));
        Assert.That(run.Output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)run.Output).Reason, Does.Contain("zero-insertion").And.Contain("3x2"));
    }
}
