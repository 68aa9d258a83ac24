using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Dialects.OpenVino;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The convolution stage of <c>opencl-replaced</c> run by a <c>conv</c> kernel in the OpenVINO
/// dialect: convolution_gpu_ref's signature (input, output, weights, then the bias when the case
/// has one), the convolution's JIT constants with the rule's begin pads converted as
/// <see cref="OpenVinoPads"/> says, and convolution_gpu_ref's range unless the manifest sets one.
/// </summary>
internal static class OpenVinoConvStage
{
    /// <summary>The launch range for a case (a manifest's <c>global</c>/<c>local</c> else OpenVINO's, the driver picking the
    /// local size); a bad manifest expression is a <see cref="FormatException"/>.</summary>
    public static (long[] Global, long[]? Local) Range(KernelManifest manifest, Problem problem) =>
        LaunchRange.Resolve(manifest.Launch, problem, OpenVinoJit.ConvolutionRange(problem), null);

    /// <summary>
    /// Builds and launches the kernel; returns what the result's note says of it: the range and
    /// the <c>PADDING_SIZE_*</c> values passed, with the rule's pads where the conversion changed them.
    /// </summary>
    public static string Launch(
        DeviceRun run, KernelManifest manifest, Problem problem, ConvPlan plan, OpenVinoPads pads, OpenClDevice device,
        (long[] Global, long[]? Local) range, (ClMemHandle Input, ClMemHandle Output, ClMemHandle Weights, ClMemHandle? Bias) buffers)
    {
        var rule = Zyx(plan.Conv.PadsBegin);
        var passed = rule.Select(pads.Convert).ToArray();
        var fp16 = device.Extensions.Contains("cl_khr_fp16");
        var header = OpenVinoJit.Convolution(problem, plan, problem.Case.Types.Destination, manifest.Source.Entry, fp16, passed);
        var kernel = run.Kernel(manifest.Source, manifest.Source.Program(header));
        Cl.SetArg(kernel, 0, buffers.Input);
        Cl.SetArg(kernel, 1, buffers.Output);
        Cl.SetArg(kernel, 2, buffers.Weights);
        if (buffers.Bias is { } bias) Cl.SetArg(kernel, 3, bias);
        var (global, local) = range;
        run.Launch("conv", kernel, global, local);

        var axes = new[] { "Z", "Y", "X" }.Skip(3 - problem.Rank).ToArray();
        var shown = Enumerable.Range(3 - problem.Rank, problem.Rank).ToArray();
        string List(long[] values) =>
            string.Join(" ", shown.Select((a, i) => $"{axes[i]}={values[a].ToString(CultureInfo.InvariantCulture)}"));
        var converted = passed.SequenceEqual(rule) ? "" : $" (the rule's {List(rule)}, openvino-pads {pads.Name})";
        return $"conv PADDING_SIZE {List(passed)}{converted}, {LaunchRange.Describe(global, local)}";
    }

    private static long[] Zyx(Dims pads) => [.. Enumerable.Repeat(0L, 3 - pads.Count).Concat(pads.Select(p => (long)p))];
}
