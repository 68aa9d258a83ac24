using AccuracyHarness.Core.Cases;
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
}
