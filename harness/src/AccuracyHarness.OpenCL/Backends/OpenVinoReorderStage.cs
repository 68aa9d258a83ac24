using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Dialects.OpenVino;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The weights reorder stage of <c>opencl-replaced</c> run by a <c>weights_reorder</c> kernel in the
/// OpenVINO dialect: OpenVINO's reorder_weights signature (input, output), the filter as OpenVINO
/// hands it over (channels already swapped, not flipped) and <c>REORDER_ROTATE</c> set, so the
/// production reorder kernel itself does the rewrite's flip.
/// </summary>
internal static class OpenVinoReorderStage
{
    public static void Launch(
        DeviceRun run, KernelManifest manifest, Problem problem, Tensor weights, ClMemHandle reordered, OpenClDevice device)
    {
        var fp16 = device.Extensions.Contains("cl_khr_fp16");
        var header = OpenVinoJit.WeightsReorder(problem, problem.Case.Types.Destination, manifest.Source.Entry, fp16);
        var kernel = run.Kernel(manifest.Source, manifest.Source.Program(header));
        Cl.SetArg(kernel, 0, run.Upload(WeightsConversion.ToOrder(problem, weights, WeightsOrder.Oiyx), problem.Case.Types.Weights));
        Cl.SetArg(kernel, 1, reordered);
        run.Launch("weights_reorder", kernel, OpenVinoJit.WeightsReorderRange(problem), null);
    }
}
