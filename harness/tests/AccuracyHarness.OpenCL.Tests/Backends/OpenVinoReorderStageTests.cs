using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>A weights reorder in the OpenVINO dialect as opencl-replaced's first stage (openvino-deconv/reorder.json).</summary>
public class OpenVinoReorderStageTests
{
    private static OpenClReplacedBackend Replaced(string folder, OpenClDevice device) =>
        new(device, OpenClOptions.Default, [KernelManifest.Load(Path.Combine(folder, "reorder.json"))]);

    [TestCase("ic4_oc6_g2_in4x5_k3x2_pb1x0_bias", "pocl")]
    [TestCase("ic2_oc3_in5_k3_pe1_blocked16", "pocl")]
    [TestCase("ic2_oc2_in2x3x3_k2x3x2_pb1x0x1_nhwc", "pocl")]
    [TestCase("ic4_oc6_g2_in3x3_k2x3_pb1x0", "oclgrind")]
    public void The_dialect_reorder_replaces_the_stage_and_the_rewrite_passes(string id, string device)
    {
        var run = CaseRun.Of(Replaced(ShippedKernels.Folder("openvino-deconv"), TestDevices.Require(device)), CaseId.Parse(id));
        Assert.That(run.IsClean, run.Describe());
        Assert.That(run.Produced.Note, Does.Contain("weights_reorder stage from kernel 'openvino-reorder'"));
        Assert.That(run.Produced.DeviceTimes.Select(t => t.Stage), Is.EqualTo(new[] { "weights_reorder", "conv" }),
            "the dialect's reorder launch is timed like the built-in stages");
        var stage = run.Produced.Stages.Single(s => s.Stage == "weights_reorder").Tensor;
        Assert.That(stage.Data, Is.EqualTo(DeconvAsConvolution.ReorderWeights(run.Problem, run.Inputs.Weights).Data), "OIYX, flipped");
    }

    [Test]
    public void A_reorder_that_ignores_the_rotate_flag_leaves_the_weights_unflipped()
    {
        var changed = ShippedKernels.Changed("openvino-deconv", TestDevices.Pocl, "reorder_ov_style.cl", "#if REORDER_ROTATE", "#if 0");
        var folder = Path.GetDirectoryName(changed.Manifest.ManifestPath)!;
        var run = CaseRun.Of(Replaced(folder, TestDevices.Pocl), CaseId.Parse("ic2_oc3_in4x4_k3x2_pb1x0"));
        Assert.That(run.Metrics.Passed, Is.False);
        var stage = run.Produced.Stages.Single(s => s.Stage == "weights_reorder").Tensor;
        var unflipped = DeconvAsConvolution.Reorder(run.Problem, run.Inputs.Weights, swapChannels: true, flippedAxes: 0);
        Assert.That(stage.Data, Is.EqualTo(unflipped.Data));
    }

    [Test]
    public void F16_needs_half_arithmetic_and_reports_na_without_it()
    {
        var run = CaseRun.Of(Replaced(ShippedKernels.Folder("openvino-deconv"), TestDevices.Pocl), CaseId.Parse("ic2_oc2_in3x3_k2x2_f16"));
        Assert.That(run.Output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)run.Output).Reason, Does.Contain("weights_reorder stage").And.Contain("cl_khr_fp16"));
    }
}
