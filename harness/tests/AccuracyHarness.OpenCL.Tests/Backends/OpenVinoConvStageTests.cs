using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Dialects.OpenVino;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// The whole rewrite on OpenVINO-dialect stages: opencl-replaced with openvino-deconv/reorder.json and
/// conv.json (our own kernels in OpenVINO's style), the rule's pads as OpenVINO hands them over.
/// </summary>
public class OpenVinoConvStageTests
{
    private static readonly string Folder = ShippedKernels.Folder("openvino-deconv");

    private static OpenClReplacedBackend Replaced(
        OpenClDevice device, string? folder = null, IReplacementRule? rule = null, OpenVinoPads? pads = null, bool reorder = true)
    {
        var stages = new[] { reorder ? "reorder.json" : null, "conv.json" }.OfType<string>()
            .Select(file => KernelManifest.Load(Path.Combine(folder ?? Folder, file))).ToList();
        var options = OpenClOptions.Default with { Rule = rule ?? ReplacementRules.Corrected, Pads = pads ?? OpenVinoPads.Unsigned };
        return new OpenClReplacedBackend(device, options, stages);
    }

    /// <summary>What a run's stage column says (StageChecks, as the harness reports it).</summary>
    private static string Stage(CaseRun run) => StageChecks.Describe(run.Problem, run.Inputs, run.Produced.Stages);

    /// <summary>The stride-1 cases of cases/smoke (f32; the f16 ones need cl_khr_fp16), and their layouts on a grid case.</summary>
    [TestCase("ic3_oc4_in5x5_k3x3", "pocl")]
    [TestCase("ic8_oc8_g8_in6x6_k3x3_s1x1_pb1x1_pe1x1_bias", "pocl")]
    [TestCase("ic3_oc2_in5x5_k3x3_d2x2_pb2x2_pe2x2", "pocl")]
    [TestCase("ic2_oc2_in5x5_k3x3_s1x1_d3x2_op2x1", "pocl")]
    [TestCase("ic17_oc17_g1_in4_k3_s1_bias_blocked16", "pocl")]
    [TestCase("ic8_oc4_g2_in5x5_k3x3_d2x2_pb2x2_pe2x2_exact_nhwc", "pocl")]
    [TestCase("mb1_ic8_oc8_in5_k3_s1_d3_pb3_pe6", "pocl")]
    [TestCase("mb2_ic4_oc6_g2_in3x4x3_k2x3x2_pb1x0x1_bias_nhwc", "pocl")]
    [TestCase("ic4_oc6_g2_in4x5_k3x2_pb1x0_bias_blocked16", "oclgrind")]
    public void The_rewrite_on_dialect_stages_passes(string id, string device)
    {
        var run = CaseRun.Of(Replaced(TestDevices.Require(device)), CaseId.Parse(id));
        Assert.That(run.IsClean, run.Describe());
        Assert.That(run.Produced.Note, Does.Contain("conv stage from kernel 'openvino-conv'").And.Contain("conv PADDING_SIZE"));
        Assert.That(run.Produced.DeviceTimes.Select(t => t.Stage), Is.EqualTo(new[] { "weights_reorder", "conv" }));
    }

    [Test]
    public void The_note_says_the_pads_and_the_range_passed()
    {
        // Output 2x6x5x8 (pb' = k-1-pb = 1, 2); OpenVINO's range is x by y*z by features*batch.
        var run = CaseRun.Of(Replaced(TestDevices.Pocl), CaseId.Parse("mb2_ic4_oc6_g2_in5x6_k2x3_pb0x0_pe1x0"));
        Assert.That(run.Produced.Note, Does.Contain("conv PADDING_SIZE Y=1 X=2, global 8x5x12, local driver's choice"));
    }

    /// <summary>
    /// Under openvino-2024 a begin pad past k-1 makes the convolution's negative. OpenVINO 2023 clamped
    /// it (the output shifts), later versions pass it as uint32, which the kernel's int arithmetic
    /// wraps back: both outcomes, and what the kernel was given, show in the result.
    /// </summary>
    [TestCase("unsigned", true, "conv PADDING_SIZE Y=4294967295 X=4294967294 (the rule's Y=-1 X=-2, openvino-pads unsigned)")]
    [TestCase("clamp", false, "conv PADDING_SIZE Y=0 X=0 (the rule's Y=-1 X=-2, openvino-pads clamp)")]
    [TestCase("signed", true, "conv PADDING_SIZE Y=-1 X=-2,")]
    public void A_begin_pad_past_k_minus_1_reaches_the_kernel_as_openvino_converts_it(string pads, bool passes, string note)
    {
        var chosen = OpenVinoPads.All.Single(p => p.Name == pads);
        var run = CaseRun.Of(Replaced(TestDevices.Pocl, rule: ReplacementRules.OpenVino2024, pads: chosen),
            CaseId.Parse("ic2_oc3_in6x7_k3x3_pb3x4_bias"));
        Assert.That(run.Produced.Note, Does.Contain(note));
        Assert.That(run.Metrics.Passed, Is.EqualTo(passes), run.Describe());
    }

    [Test]
    public void A_fault_planted_in_the_conv_kernel_is_at_the_final_stage_with_the_reorder_clean()
    {
        var copy = Path.GetDirectoryName(ShippedKernels.Changed("openvino-deconv", TestDevices.Pocl, "conv_ov_style.cl",
            "const int first_x = out_x * STRIDE_SIZE_X - PADDING_SIZE_X;",
            "const int first_x = out_x * STRIDE_SIZE_X - PADDING_SIZE_X + 1;").Manifest.ManifestPath)!;
        var run = CaseRun.Of(Replaced(TestDevices.Pocl, copy), CaseId.Parse("ic2_oc3_in5x5_k3x3_pb1x1"));
        Assert.That(run.Metrics.Passed, Is.False);
        Assert.That(Stage(run), Is.EqualTo("output: the final stage diverges while weights_reorder match their reference"));
    }

    [Test]
    public void A_fault_planted_in_the_reorder_kernel_is_named_at_the_reorder_stage()
    {
        var copy = Path.GetDirectoryName(ShippedKernels.Changed("openvino-deconv", TestDevices.Pocl, "reorder_ov_style.cl",
            "OUTPUT_SIZE_Y - 1 - y", "y").Manifest.ManifestPath)!;
        var run = CaseRun.Of(Replaced(TestDevices.Pocl, copy), CaseId.Parse("ic2_oc3_in5x5_k3x2_pb1x1"));
        Assert.That(run.Metrics.Passed, Is.False);
        Assert.That(Stage(run), Does.StartWith("weights_reorder: ").And.EndWith("(flipped on x only)"));
    }

    [Test]
    public void A_manifest_range_replaces_openvinos_and_a_bad_one_fails_naming_the_field()
    {
        var good = Path.GetDirectoryName(ShippedKernels.Changed("openvino-deconv", TestDevices.Pocl, "conv.json",
            "\"dialect\": \"openvino\",",
            "\"dialect\": \"openvino\", \"global\": [\"OW\", \"OH*OD\", \"OC*N\"], \"local\": [1, 1, \"OC\"],")
            .Manifest.ManifestPath)!;
        var run = CaseRun.Of(Replaced(TestDevices.Pocl, good, reorder: false), CaseId.Parse("mb2_ic2_oc4_in4x5_k2x2"));
        Assert.That(run.IsClean, run.Describe());
        Assert.That(run.Produced.Note, Does.Contain("global 6x5x8, local 1x1x4"));

        var bad = Path.GetDirectoryName(ShippedKernels.Changed("openvino-deconv", TestDevices.Pocl, "conv.json",
            "\"dialect\": \"openvino\",", "\"dialect\": \"openvino\", \"global\": [\"OW/2\", 1, 1],").Manifest.ManifestPath)!;
        var failed = CaseRun.Of(Replaced(TestDevices.Pocl, bad, reorder: false), CaseId.Parse("ic2_oc4_in4x4_k2x2")).Output;
        Assert.That(failed, Is.TypeOf<BackendOutput.Failed>());
        Assert.That(((BackendOutput.Failed)failed).Message, Does.Contain("field 'global[0]'").And.Contain("2.5"));
    }

    [Test]
    public void F16_needs_half_arithmetic_and_reports_na_naming_the_conv_stage()
    {
        var run = CaseRun.Of(Replaced(TestDevices.Pocl, reorder: false), CaseId.Parse("ic2_oc2_in3x3_k2x2_f16"));
        Assert.That(run.Output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)run.Output).Reason, Does.StartWith("conv stage: ").And.Contain("cl_khr_fp16"));
    }
}
