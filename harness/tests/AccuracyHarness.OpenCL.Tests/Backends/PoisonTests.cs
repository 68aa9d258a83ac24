using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>Outputs start as NaN: an element a kernel forgets cannot pass, a forgotten padding lane is counted.</summary>
public class PoisonTests
{
    [Test]
    public void An_element_never_written_is_a_mismatch()
    {
        var run = CaseRun.Of(ExampleKernel.With("skips-first", TestDevices.Pocl, afterDecode: "if (flat == 0) return;"),
            CaseId.Parse("ic2_oc3_in3x3_k2x2_nchw_exact"));
        Assert.That(run.Metrics.Mismatches, Is.EqualTo(1), run.Describe());
        Assert.That(float.IsNaN(run.Produced.Output.Data[0]));
    }

    [Test]
    public void Padding_lanes_never_written_are_counted()
    {
        var run = CaseRun.Of(ExampleKernel.With("skips-lanes", TestDevices.Pocl, afterDecode: "if (oc >= OC) return;"),
            CaseId.Parse("ic2_oc3_in3x3_k2x2_blocked16"));
        Assert.That(run.Metrics.Passed, run.Describe());
        Assert.That(run.Produced.NonZeroPaddingLanes, Is.EqualTo(13 * 4 * 4));
    }

    /// <summary>
    /// Buffers serve case after case: the poison must reach a reused buffer too, and a case of sizes seen before creates no
    /// buffer. Each case runs twice, once whole and once through a kernel that forgets elements, on f32 and f16 and on
    /// padding lanes a manifest says it leaves untouched.
    /// </summary>
    [TestCase("ic2_oc3_in3x3_k2x2_nchw_exact")]
    [TestCase("ic2_oc3_in3x3_k2x2_f16_nhwc_exact")]
    [TestCase("ic2_oc3_in3x3_k2x2_blocked16_exact")]
    public void A_reused_buffer_is_poisoned_again(string id)
    {
        var c = CaseId.Parse(id);
        Assert.That(CaseRun.Of(new OpenClDirectBackend(TestDevices.Pocl, OpenClOptions.Default), c).IsClean);
        var created = DeviceSession.For(TestDevices.Pocl).Buffers.Created;
        var run = CaseRun.Of(ExampleKernel.With("skips-first-again", TestDevices.Pocl, afterDecode: "if (flat == 0) return;"), c);
        Assert.That(DeviceSession.For(TestDevices.Pocl).Buffers.Created, Is.EqualTo(created), "every buffer was reused");
        Assert.That(run.Metrics.Mismatches, Is.EqualTo(1), run.Describe());
        Assert.That(run.Produced.NonZeroPaddingLanes, Is.Zero);
    }
}
