using System.Collections.Immutable;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// <c>opencl-replaced</c>: the deconvolution rewritten as a convolution (docs/ARCHITECTURE.md section 4) and
/// run as a pipeline of device stages: <c>zero_insert</c> (only for stride > 1 with zero
/// insertion), <c>weights_reorder</c> (IOYX to OIYX, flipped), then <c>conv</c> (stride 1, the
/// rule's pads). Every intermediate comes back as a stage output. User kernels with role
/// <c>weights_reorder</c> or <c>conv</c> replace the built-in stage of that name.
/// </summary>
public sealed class OpenClReplacedBackend : OpenClBackend
{
    public const string Id = "opencl-replaced";

    private readonly KernelManifest? _reorder;
    private readonly KernelManifest? _conv;
    private readonly KernelChoice _convChoice;

    public OpenClReplacedBackend(
        OpenClDevice device, OpenClOptions options, IReadOnlyList<KernelManifest> stageKernels, KernelChoice? convChoice = null)
        : base(Id, device, options)
    {
        _reorder = Single(stageKernels, KernelRole.WeightsReorder);
        _conv = Single(stageKernels, KernelRole.Conv);
        _convChoice = convChoice ?? new KernelChoice(KernelChoice.ConvOption, KernelChoice.Mode.Auto);
    }

    /// <summary>The zero insertion stage's kernel: a mutant plants the quantized blind spot (holes worth 0) in it.</summary>
    internal KernelSource ZeroInsertKernel { get; init; } = KernelSource.ZeroInsert;

    public override string ReproArguments =>
        BackendOption.Join(new[] { _reorder, _conv }.OfType<KernelManifest>()
            .Select(m => $"--kernel {Path.GetFullPath(m.ManifestPath)}")
            .Append(Options.ReproArguments)
            .Append(_conv is null ? _convChoice.ReproArguments : ""));

    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs)
    {
        var decision = Options.Rule.Decide(problem, Options.ZeroInsertion);
        if (decision.Plan is not { } plan) return new BackendOutput.NotApplicable(decision.NotApplicable!);
        foreach (var manifest in new[] { _reorder, _conv })
        {
            if ((manifest?.Unsupported(problem) ?? DialectUnsupported(manifest, problem)) is { } reason)
                return new BackendOutput.NotApplicable($"{KernelManifest.RoleName(manifest!.Role)} stage: {reason}");
        }

        (long[] Global, long[]? Local) dialectRange = default;
        if (DialectConv)
        {
            try
            {
                dialectRange = OpenVinoConvStage.Range(_conv!, problem);
            }
            catch (FormatException e)
            {
                return new BackendOutput.Failed($"{Id}: conv kernel manifest {_conv!.ManifestPath}: {e.Message}");
            }
        }

        var c = problem.Case;
        var types = KernelTypes.Of(c);
        var convParams = KernelParams.ForConvolution(plan.Conv, plan.PadsEnd, c.HasBias);
        var stages = ImmutableArray.CreateBuilder<StageOutput>();
        using var run = new DeviceRun(Session, types, c.Layout, Options.JitConstants);
        var epilogue = run.EpilogueArgs(problem, inputs);

        var inputLayout = DataLayout.ForInput(problem);
        var input = run.UploadActivations(inputs.Input.Data, inputLayout, c.Types.Source);
        if (plan.ZeroInsertStrides is not null)
        {
            var zeroParams = KernelParams.ForZeroInsertion(problem, plan.Conv.Input);
            var dilatedLayout = new DataLayout(c.Layout, c.Batch, c.InChannels, plan.Conv.Input);
            var dilated = run.Poisoned(dilatedLayout.PhysicalLength, c.Types.Source);
            run.Launch("zero_insert", run.Kernel(ZeroInsertKernel, zeroParams), dilatedLayout.PhysicalLength,
                [input, dilated, run.Upload(zeroParams), .. epilogue]);
            stages.Add(new StageOutput("zero_insert", run.DownloadActivations(dilated, dilatedLayout, c.Types.Source).Tensor));
            input = dilated;
        }

        var reorderedShape = plan.Conv.WeightShape;
        var reordered = run.Poisoned(reorderedShape.Product(), c.Types.Weights);
        if (_reorder?.Launch.Dialect == KernelDialect.OpenVino)
        {
            OpenVinoReorderStage.Launch(run, _reorder, problem, inputs.Weights, reordered, OpenClDevice);
        }
        else
        {
            run.Launch("weights_reorder", run.Kernel(_reorder?.Source ?? KernelSource.WeightsReorder, convParams),
                reorderedShape.Product(), run.Upload(inputs.Weights.Data, c.Types.Weights), reordered, run.Upload(convParams));
        }
        stages.Add(new StageOutput("weights_reorder",
            new Tensor(reorderedShape, run.Download(reordered, reorderedShape.Product(), c.Types.Weights), c.Types.Weights)));

        var outputLayout = DataLayout.ForOutput(problem);
        string? convNote = null;
        ClMemHandle output;
        if (DialectConv)
        {
            // OpenVINO's kernels never write a blocked output's padding lanes: they start as 0 and must stay so.
            output = run.Poisoned(outputLayout, zeroPaddingLanes: true, c.Types.Destination);
            var bias = inputs.Bias is null ? null : run.Upload(inputs.Bias.Data, types.Bias);
            convNote = OpenVinoConvStage.Launch(run, _conv!, problem, plan, Options.Pads, OpenClDevice, dialectRange,
                (input, output, reordered, bias));
        }
        else
        {
            output = run.Poisoned(outputLayout.PhysicalLength, c.Types.Destination);
            var chosen = _conv is null
                ? _convChoice.For(convParams, outputLayout, problem.MultiplyAdds(), types)
                : StageKernel.PerElement(_conv.Source, convParams, outputLayout.PhysicalLength);
            convNote = chosen.Note;
            run.Launch("conv", run.Kernel(chosen.Source, convParams), chosen.WorkItems, chosen.WorkGroup,
                [
                    input, reordered, run.Upload(inputs.Bias?.Data ?? [], types.Bias), output, run.Upload(chosen.Params.AsSpan()),
                    .. epilogue,
                ]);
        }
        var (tensor, nonZeroLanes) = run.DownloadActivations(output, outputLayout, c.Types.Destination);
        return new BackendOutput.Produced(tensor, stages.ToImmutable(), run.Findings, nonZeroLanes,
            $"rule {Options.Rule.Name}{StageNote()}{(convNote is null ? "" : "; " + convNote)}")
        {
            DeviceTimes = run.Timings,
        };
    }

    private bool DialectConv => _conv?.Launch.Dialect == KernelDialect.OpenVino;

    /// <summary>
    /// Why a dialect stage kernel cannot run a case on this device: OpenVINO computes f16 in half, and
    /// a conv stage may require extensions.
    /// </summary>
    private string? DialectUnsupported(KernelManifest? manifest, Problem problem)
    {
        if (manifest?.Launch.Dialect != KernelDialect.OpenVino) return null;
        var needed = manifest.Launch.Requires.ToList();
        if (problem.Case.Types.Destination == DataType.F16) needed.Add("cl_khr_fp16");
        var missing = needed.Distinct().Where(e => !OpenClDevice.Extensions.Contains(e)).ToList();
        return missing.Count == 0
            ? null
            : $"device {OpenClDevice.Id} lacks {string.Join(", ", missing)}, which kernel '{manifest.Name}' (openvino dialect) requires";
    }

    private string StageNote()
    {
        var replaced = new[] { _reorder, _conv }.OfType<KernelManifest>()
            .Select(m => $"{KernelManifest.RoleName(m.Role)} stage from kernel '{m.Name}'");
        var text = string.Join(", ", replaced);
        return text.Length == 0 ? "" : "; " + text;
    }

    private static KernelManifest? Single(IReadOnlyList<KernelManifest> manifests, KernelRole role)
    {
        var matching = manifests.Where(m => m.Role == role).ToList();
        return matching.Count switch
        {
            0 => null,
            1 => matching[0],
            _ => throw new ArgumentException(
                $"only one kernel may replace the {KernelManifest.RoleName(role)} stage of {Id}; "
                + $"got {string.Join(", ", matching.Select(m => m.ManifestPath))}"),
        };
    }
}
