using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Results;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>Oclgrind simulates every work-item: cases here are tiny.</summary>
public class OclgrindTests
{
    [TestCase("ic2_oc3_in3x3_k2x2_s2x1_pb1x0_bias_f32_nchw")]
    [TestCase("ic3_oc2_in4_k3_d2_f16_blocked16_exact")]
    [TestCase("ic2_oc2_g2_in2x2x2_k2x2x2_s1x2x1_op0x1x0_bias_f32_nhwc")]
    [TestCase("ic3_oc2_in3x3_k2x2_s2x1_pb1x0_bias_u8s8u8_zps-pc_zpd3_sw-pc_po-relu+sum0.5+add-pc_blocked16")]
    [TestCase("ic2_oc3_in3x3_k2x2_s2x2_bias_bf16_po-leaky0.1_nhwc")]
    public void A_representative_subset_runs_clean(string id)
    {
        var device = TestDevices.Oclgrind;
        var options = OpenClOptions.Default with { ZeroInsertion = true };
        foreach (var backend in
            new OpenClBackend[] { new OpenClDirectBackend(device, options), new OpenClReplacedBackend(device, options, []) })
        {
            var run = CaseRun.Of(backend, CaseId.Parse(id));
            Assert.That(run.IsClean, $"{backend.Name}: {run.Describe()}");
        }
    }

    [Test]
    public void A_read_past_the_end_is_reported_even_when_the_numbers_agree()
    {
        // One element past the input, multiplied by zero: the numbers cannot tell.
        const string readPastEnd = "acc += 0.0f * fmin(fabs(LOAD(input, IN_IDX(N, 0, 0, 0, 0))), 1.0f);";
        var c = CaseId.Parse("ic1_oc2_in3x3_k2x2_s2x2_bias_f32_nchw");

        var oclgrind = CaseRun.Of(ExampleKernel.With("oob", TestDevices.Oclgrind, beforeStore: readPastEnd), c);
        Assert.That(oclgrind.Metrics.Passed, oclgrind.Describe());
        Assert.That(string.Join("\n", oclgrind.Produced.Findings), Does.Contain("Invalid read"));

        var pocl = CaseRun.Of(ExampleKernel.With("oob", TestDevices.Pocl, beforeStore: readPastEnd), c);
        Assert.That(pocl.IsClean, "PoCL cannot see the read: " + pocl.Describe());

        var clean = CaseRun.Of(new OpenClDirectBackend(TestDevices.Oclgrind, OpenClOptions.Default), c);
        Assert.That(clean.Produced.Findings, Is.Empty, "findings stay with the launch that caused them");
    }

    [Test]
    public void A_read_past_the_end_is_the_diagnosis_on_every_run_whatever_leaks_into_the_numbers()
    {
        // The value read past the input is discarded by a multiplication with zero, which still
        // leaks a NaN whenever the memory there holds an infinity or a NaN: the numbers vary, the verdict must not.
        const string readPastEnd = "acc += 0.0f * LOAD(input, IN_IDX(N, 0, 0, 0, 0));";
        var backend = ExampleKernel.With("oob-leak", TestDevices.Oclgrind, beforeStore: readPastEnd);
        var c = CaseId.Parse("ic1_oc1_in2_k2_f32_nchw");
        var verdicts = Enumerable.Range(0, 10).Select(_ => CaseRun.Of(backend, c).Result).ToList();
        foreach (var r in verdicts)
        {
            Assert.That((r.Status, r.Diagnosis.Kind), Is.EqualTo((Status.Fail, DiagnosisKind.DeviceFinding)), r.Diagnosis.Text);
            Assert.That(r.Diagnosis.Text,
                Does.StartWith(ResultEvaluator.DeviceFinding + ": ").And.Contain("Invalid read").And.Contain("\nnumbers: "),
                r.Diagnosis.Text);
        }
    }

    [Test]
    public void An_uninitialised_value_is_reported_even_when_the_numbers_agree()
    {
        var run = CaseRun.Of(
            ExampleKernel.With("uninitialised", TestDevices.Oclgrind,
                beforeStore: "ACC_T never_set; acc += 0.0f * fmin(fabs(never_set), 1.0f);"),
            CaseId.Parse("ic1_oc2_in3_k2_f32_nchw"));
        Assert.That(run.Metrics.Passed, run.Describe());
        Assert.That(string.Join("\n", run.Produced.Findings), Does.Contain("uninitialized value").IgnoreCase);
    }

    [Test]
    public void A_data_race_is_reported()
    {
        var run = CaseRun.Of(
            ExampleKernel.With("racy", TestDevices.Oclgrind, beforeStore: "if (flat % 2 == 1) STORE(output, flat - 1, acc);"),
            CaseId.Parse("ic1_oc2_in3x3_k2x2_f32_nchw"));
        Assert.That(string.Join("\n", run.Produced.Findings), Does.Contain("data race"));
    }
}
