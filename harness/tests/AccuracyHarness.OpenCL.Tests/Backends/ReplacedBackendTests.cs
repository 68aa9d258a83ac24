using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

public class ReplacedBackendTests
{
    private static OpenClReplacedBackend Backend(OpenClOptions options) => new(TestDevices.Pocl, options, []);

    private static readonly OpenClOptions OpenVino = OpenClOptions.Default with { Rule = ReplacementRules.OpenVino2024 };

    [Test]
    public void The_reordered_weights_stage_is_the_swap_and_flip_of_the_weights()
    {
        var run = CaseRun.Of(Backend(OpenClOptions.Default), CaseId.Parse("ic4_oc6_g2_in4x5_k2x3_d1x2_pb1x0_bias_f16_nhwc"));
        var stage = run.Produced.Stages.Single(s => s.Stage == "weights_reorder").Tensor;
        var expected = DeconvAsConvolution.ReorderWeights(run.Problem, run.Inputs.Weights);
        Assert.That(stage.Shape, Is.EqualTo(expected.Shape));
        Assert.That(stage.Data, Is.EqualTo(expected.Data));
    }

    [Test]
    public void Zero_insertion_exposes_the_fractionally_strided_input()
    {
        var run = CaseRun.Of(Backend(OpenClOptions.Default with { ZeroInsertion = true }),
            CaseId.Parse("ic2_oc3_in3x2_k2x2_s2x3_blocked16"));
        Assert.That(run.IsClean, run.Describe());
        var stage = run.Produced.Stages.Single(s => s.Stage == "zero_insert").Tensor;
        Assert.That(stage.Shape, Is.EqualTo(new Dims(1, 2, 5, 4)));
        Assert.That(stage.Data[0], Is.EqualTo(run.Inputs.Input.Data[0]));
        Assert.That(stage.Data[1], Is.Zero);
        Assert.That(stage.Data[3], Is.EqualTo(run.Inputs.Input.Data[1]));
    }

    [Test]
    public void Openvino_2024_agrees_where_its_blind_spots_are_not_hit()
    {
        var run = CaseRun.Of(Backend(OpenVino), CaseId.Parse("ic3_oc2_in5x4_k3x2_pb1x1_pe0x1_bias"));
        Assert.That(run.IsClean, run.Describe());
    }

    [Test]
    public void Openvino_2024_diverges_on_a_stride_one_dilated_case_where_the_corrected_rule_agrees()
    {
        var c = CaseId.Parse("ic2_oc2_in5x5_k3x3_d2x2_pb1x1_pe1x1");
        Assert.That(CaseRun.Of(Backend(OpenClOptions.Default), c).IsClean);
        var run = CaseRun.Of(Backend(OpenVino), c);
        Assert.That(run.Metrics.Passed, Is.False, run.Describe());
    }

    [TestCase("ic1_oc2_in3x3_k3x3_s2x2", "strides")]
    [TestCase("ic1_oc2_in3x3x3_k3x3x3", "2D")]
    [TestCase("ic1_oc2_in3_k3", "2D")]
    [TestCase("ic1_oc2_in3x3_k3x3_blocked16", "b_fs_yx_fsv16")]
    public void Openvino_2024_is_not_applicable_outside_its_conditions(string id, string reason)
    {
        var run = CaseRun.Of(Backend(OpenVino with { ZeroInsertion = true }), CaseId.Parse(id));
        Assert.That(run.Output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)run.Output).Reason, Does.Contain(reason));
    }

    [Test]
    public void Jit_constants_bake_the_problem_in_and_still_agree()
    {
        var options = OpenClOptions.Default with { JitConstants = true, ZeroInsertion = true };
        foreach (var backend in new OpenClBackend[] { new OpenClDirectBackend(TestDevices.Pocl, options), Backend(options) })
        {
            var run = CaseRun.Of(backend, CaseId.Parse("ic2_oc4_g2_in4x3_k3x2_s2x1_op1x0_bias_nhwc_exact"));
            Assert.That(run.IsClean, $"{backend.Name}: {run.Describe()}");
        }
    }
}
