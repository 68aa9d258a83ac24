using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>Outputs start as NaN: an element a kernel forgets cannot pass, a forgotten padding lane is counted.</summary>
public class PoisonTests
{
    private static ExternalDeconvBackend Skipping(string name, string condition)
    {
        var example = File.ReadAllText(Path.Combine(Paths.Repository, "cases", "kernels", "example-deconv", "example_deconv.cl"));
        var source = example.Replace("    OUT_DECODE(flat, n, oc, oz, oy, ox);\n", $"    OUT_DECODE(flat, n, oc, oz, oy, ox);\n    if ({condition}) return;\n");
        Assert.That(source, Is.Not.EqualTo(example), "the example kernel's decode line moved; update this test");
        return new ExternalDeconvBackend(KernelManifest.Load(Paths.WriteManifest(name, "deconv", source, "example_deconv")), TestDevices.Pocl, OpenClOptions.Default);
    }

    [Test]
    public void An_element_never_written_is_a_mismatch()
    {
        var run = CaseRun.Of(Skipping("skips-first", "flat == 0"), CaseId.Parse("ic2_oc3_in3x3_k2x2_nchw_exact"));
        Assert.That(run.Metrics.Mismatches, Is.EqualTo(1), run.Describe());
        Assert.That(float.IsNaN(run.Produced.Output.Data[0]));
    }

    [Test]
    public void Padding_lanes_never_written_are_counted()
    {
        var run = CaseRun.Of(Skipping("skips-lanes", "oc >= OC"), CaseId.Parse("ic2_oc3_in3x3_k2x2_blocked16"));
        Assert.That(run.Metrics.Passed, run.Describe());
        Assert.That(run.Produced.NonZeroPaddingLanes, Is.EqualTo(13 * 4 * 4));
    }
}
