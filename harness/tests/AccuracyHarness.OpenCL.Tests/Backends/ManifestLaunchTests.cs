using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>The version 2 examples under cases/kernels on real devices, and what their launch fields promise.</summary>
public class ManifestLaunchTests
{
    /// <summary>A 2-D grid: strides, pads, groups, bias, both OpenVINO layouts, wide channels (the other range order).</summary>
    private static IEnumerable<string> OpenVinoGrid() =>
        from s in new[] { "s1x1", "s2x2", "s3x2" }
        from pads in new[] { "", "_pb1x2_pe0x1", "_pb2x0_pe1x1_op1x0" }
        from channels in new[] { "ic2_oc3_g1", "ic4_oc6_g2", "ic18_oc34_g2" }
        from tail in new[] { "_bias_nchw", "_blocked16", "_bias_blocked16_exact" }
        where !(s == "s1x1" && pads.Contains("op"))
        select $"mb2_{channels}_in4x5_k3x2_{s}{pads}{tail}";

    [Test]
    public void The_openvino_dialect_example_passes_a_2d_grid_on_pocl()
    {
        var backend = ShippedKernels.Backend("openvino-deconv", TestDevices.Pocl);
        Assert.Multiple(() =>
        {
            foreach (var id in OpenVinoGrid())
            {
                var run = CaseRun.Of(backend, CaseId.Parse(id));
                Assert.That(run.IsClean, run.Describe());
            }
        });
    }

    [TestCase("ic2_oc3_in3x3_k3x2_s2x1_pb1x0_bias_blocked16", Description = "batch*features <= 16: x, y*z, batch*feature")]
    [TestCase("mb2_ic4_oc10_g2_in3_k3_s2_op1_bias", Description = "batch*features > 16: batch*feature, x, y*z")]
    [TestCase("ic2_oc2_in2x2x3_k2x1x2_s1x2x1_d1x1x2_nhwc")]
    public void The_openvino_dialect_example_is_clean_on_oclgrind(string id)
    {
        var run = CaseRun.Of(ShippedKernels.Backend("openvino-deconv", TestDevices.Oclgrind), CaseId.Parse(id));
        Assert.That(run.IsClean, run.Describe());
    }

    [Test]
    public void The_openvino_dialect_accumulates_f16_in_half_so_a_device_without_cl_khr_fp16_reports_na()
    {
        var run = CaseRun.Of(ShippedKernels.Backend("openvino-deconv", TestDevices.Pocl), CaseId.Parse("ic2_oc3_in3x3_k3x3_f16"));
        Assert.That(run.Output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)run.Output).Reason, Does.Contain("cl_khr_fp16").And.Contain("lacks"));
    }

    [Test]
    public void A_required_extension_the_device_lacks_makes_the_case_na_naming_it()
    {
        var backend = ShippedKernels.Changed("tiled-deconv", TestDevices.Pocl, "manifest.json",
            "\"padding_lanes\"", "\"requires\": [\"cl_khr_byte_addressable_store\", \"cl_intel_subgroups\"], \"padding_lanes\"");
        var run = CaseRun.Of(backend, CaseId.Parse("ic2_oc3_in3x3_k3x3"));
        Assert.That(run.Output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)run.Output).Reason,
            Does.Contain("lacks cl_intel_subgroups,").And.Not.Contain("byte_addressable"));
    }

    [TestCaseSource(typeof(NodeCases), nameof(NodeCases.All))]
    public void The_tiled_example_agrees_with_the_reference(string id)
    {
        var backend = ShippedKernels.Backend("tiled-deconv", TestDevices.Pocl);
        foreach (var suffix in new[] { "_bias_f32_nchw", "_f16_blocked16", "_bias_nhwc_exact" })
        {
            var run = CaseRun.Of(backend, NodeCases.Case(id, suffix));
            Assert.That(run.IsClean, run.Describe());
        }
    }

    [TestCase("mb2_ic10_oc3_g1_in3x4_k2x3_s2x1_pb1x0_bias_blocked16", Description = "two chunks of channels, the last one short")]
    [TestCase("ic3_oc2_in5_k3_s3_d2_nhwc_f16")]
    public void The_tiled_example_is_clean_on_oclgrind(string id)
    {
        var run = CaseRun.Of(ShippedKernels.Backend("tiled-deconv", TestDevices.Oclgrind), CaseId.Parse(id));
        Assert.That(run.IsClean, run.Describe());
        var p = run.Problem;
        var width = (p.Output[^1] + 7) / 8 * 8;
        var rows = p.Rank == 1 ? 1 : p.Output[^2] * (p.Rank == 3 ? p.Output[0] : 1);
        Assert.That(run.Produced.Note, Is.EqualTo($"global {width}x{rows}x{p.Case.OutChannels * p.Case.Batch}, local 8x1x1"),
            "the manifest's range: align(OW, 8) by OH*OD by OC*N; the device time is a field of its own");
        Assert.That(run.Produced.DeviceTimes.Select(t => t.Stage), Is.EqualTo(new[] { "deconv" }));
        Assert.That(run.Produced.DeviceTimes[0].Milliseconds, Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void Untouched_padding_lanes_are_zero_filled_by_the_harness_and_checked_after_the_launch()
    {
        var c = CaseId.Parse("ic2_oc3_in3x3_k3x3_blocked16");
        var written = ShippedKernels.Changed("tiled-deconv", TestDevices.Pocl, "manifest.json", "\"untouched\"", "\"written\"");
        Assert.That(CaseRun.Of(written, c).Produced.NonZeroPaddingLanes, Is.EqualTo(13 * 5 * 5), "declared written, left NaN");

        var stray = ShippedKernels.Changed("tiled-deconv", TestDevices.Pocl, "tiled_deconv.cl",
            "    if (inside) STORE(",
            "    if (inside && oc == 0) STORE(output, OUT_IDX(n, OC, oz, oy, ox), 1.0f);\n    if (inside) STORE(");
        var run = CaseRun.Of(stray, c);
        Assert.That(run.Metrics.Passed, run.Describe());
        Assert.That(run.Produced.NonZeroPaddingLanes, Is.EqualTo(5 * 5), "a kernel that writes a lane it declared untouched is caught");
    }

    [Test]
    public void A_manifest_range_that_does_not_fit_a_case_fails_it_naming_the_field()
    {
        var backend = ShippedKernels.Changed("tiled-deconv", TestDevices.Pocl, "manifest.json", "\"align(OW, 8)\"", "\"OW/2\"");
        var run = CaseRun.Of(backend, CaseId.Parse("ic2_oc3_in2x2_k2x2"));
        Assert.That(run.Output, Is.TypeOf<BackendOutput.Failed>());
        Assert.That(((BackendOutput.Failed)run.Output).Message, Does.Contain("global[0]").And.Contain("1.5").And.Contain("align()"));
    }
}
