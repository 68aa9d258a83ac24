using System.Globalization;
using System.Text;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Dialects.OpenVino;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// A <c>deconv</c> manifest's kernel on one case, as its launch fields say (README "Your own
/// kernels"): the dialect's header and the manifest's defines before the source, the buffers and
/// scalars in the order of <c>args</c>, weights in the declared order, the range of <c>global</c>
/// and <c>local</c>. A manifest without version 2 fields runs exactly as the original contract says.
/// </summary>
internal sealed class ManifestDeconvolution(KernelManifest manifest, OpenClDevice device, bool jitConstants)
{
    private KernelLaunch Launch => manifest.Launch;

    public BackendOutput Run(DeviceSession session, Problem problem, CaseInputs inputs)
    {
        if (MissingExtensions(problem) is { Count: > 0 } missing)
        {
            return new BackendOutput.NotApplicable(
                $"device {device.Id} lacks {string.Join(", ", missing)}, which kernel '{manifest.Name}' requires");
        }

        var c = problem.Case;
        var outputLayout = DataLayout.ForOutput(problem);
        var args = Launch.Args
            ?? (Launch.Dialect == KernelDialect.OpenVino ? KernelArgument.OpenVinoDeconv : KernelArgument.ContractDeconv);
        long[] global;
        long[]? local;
        try
        {
            (global, local) = Range(problem, outputLayout);
        }
        catch (FormatException e)
        {
            return new BackendOutput.Failed(
                $"{ExternalDeconvBackend.Prefix}{manifest.Name}: kernel manifest {manifest.ManifestPath}: {e.Message}");
        }

        var types = KernelTypes.Of(c);
        using var run = new DeviceRun(session, types, c.Layout, jitConstants);
        var kernel = run.Kernel(manifest.Source, manifest.Source.Program(Header(problem, args)));
        var output = run.Poisoned(outputLayout, zeroPaddingLanes: Launch.PaddingLanes == PaddingLanes.Untouched, c.Types.Destination);
        var index = 0u;
        for (var position = 0; position < args.Count; position++)
        {
            var arg = args[position];
            switch (arg.Kind)
            {
                case KernelArgumentKind.Input:
                    Cl.SetArg(kernel, index++, run.UploadActivations(inputs.Input.Data, DataLayout.ForInput(problem), c.Types.Source));
                    break;
                case KernelArgumentKind.Output:
                    Cl.SetArg(kernel, index++, output);
                    break;
                case KernelArgumentKind.Weights:
                    var weights = WeightsConversion.ToOrder(problem, inputs.Weights, Launch.EffectiveWeights);
                    Cl.SetArg(kernel, index++, run.Upload(weights, c.Types.Weights));
                    break;
                case KernelArgumentKind.Bias:
                    Cl.SetArg(kernel, index++, run.Upload(inputs.Bias?.Data ?? [], types.Bias));
                    break;
                case KernelArgumentKind.BiasIfPresent when inputs.Bias is not null:
                    Cl.SetArg(kernel, index++, run.Upload(inputs.Bias.Data, types.Bias));
                    break;
                case KernelArgumentKind.BiasIfPresent:
                    break;
                case KernelArgumentKind.Params:
                    Cl.SetArg(kernel, index++, run.Upload(KernelParams.ForDeconvolution(problem)));
                    foreach (var extra in run.EpilogueArgs(problem, inputs)) Cl.SetArg(kernel, index++, extra);
                    break;
                case KernelArgumentKind.Int:
                    Cl.SetArg(kernel, index++, checked((int)LaunchRange.Whole(arg.Value!, problem, $"args[{position}].int")));
                    break;
                case KernelArgumentKind.Float:
                    Cl.SetArg(kernel, index++, (float)arg.Value!.Evaluate(problem));
                    break;
            }
        }
        run.Launch("deconv", kernel, global, local);
        var (tensor, nonZeroLanes) = run.DownloadActivations(output, outputLayout, c.Types.Destination);
        return new BackendOutput.Produced(tensor, [], run.Findings, nonZeroLanes, LaunchRange.Describe(global, local))
        {
            DeviceTimes = run.Timings,
        };
    }

    /// <summary>The extensions the kernel needs that the device does not report; the OpenVINO dialect's f16 accumulates in half.</summary>
    private List<string> MissingExtensions(Problem problem)
    {
        var needed = Launch.Requires.ToList();
        if (Launch.Dialect == KernelDialect.OpenVino && problem.Case.Types.Destination == DataType.F16) needed.Add("cl_khr_fp16");
        return needed.Distinct().Where(e => !device.Extensions.Contains(e)).ToList();
    }

    /// <summary>
    /// The generated header, then the manifest's defines. The harness's problem macros read the
    /// <c>params</c> buffer unless constants are asked for or the kernel takes no <c>params</c>.
    /// </summary>
    private string Header(Problem problem, IReadOnlyList<KernelArgument> args)
    {
        var c = problem.Case;
        var header = new StringBuilder();
        if (Launch.Dialect == KernelDialect.OpenVino)
        {
            header.Append(OpenVinoJit.Deconvolution(problem, c.Types.Destination, Launch.EffectiveWeights, manifest.Source.Entry,
                device.Extensions.Contains("cl_khr_fp16"), referenceDispatch: Launch.Global is null));
        }
        else
        {
            var baked = jitConstants || args.All(a => a.Kind != KernelArgumentKind.Params);
            header.Append(KernelHeader.Generate(KernelTypes.Of(c), c.Layout, baked ? KernelParams.ForDeconvolution(problem) : null));
        }
        foreach (var (name, expression) in Launch.Defines)
            header.Append("#define ").Append(name).Append(' ').AppendLine(Literal(expression.Evaluate(problem)));
        return header.ToString();
    }

    /// <summary>
    /// The manifest's range, else the dialect's: one work-item per output element (padding lanes
    /// included) or OpenVINO's.
    /// </summary>
    private (long[] Global, long[]? Local) Range(Problem problem, DataLayout output)
    {
        if (Launch.Dialect == KernelDialect.OpenVino)
        {
            var (global, local) = OpenVinoJit.ReferenceRange(problem);
            return LaunchRange.Resolve(Launch, problem, global, local);
        }
        return LaunchRange.Resolve(Launch, problem, [output.PhysicalLength], [DeviceRun.LocalSize(output.PhysicalLength)]);
    }

    /// <summary>A number for a #define: an integer as such, anything else as a float literal.</summary>
    private static string Literal(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture) + "f";
}
