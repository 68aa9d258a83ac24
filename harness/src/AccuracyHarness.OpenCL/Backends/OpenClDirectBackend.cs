using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary><c>opencl-direct</c>: the project's gather-form deconvolution kernels, as its <see cref="KernelChoice"/> picks.</summary>
public sealed class OpenClDirectBackend : OpenClBackend
{
    public const string Id = "opencl-direct";

    private readonly KernelChoice _choice;

    public OpenClDirectBackend(OpenClDevice device, OpenClOptions options, KernelChoice? choice = null)
        : base(Id, device, options)
    {
        _choice = choice ?? new KernelChoice(KernelChoice.DirectOption, KernelChoice.Mode.Auto);
    }

    public override string ReproArguments => BackendOption.Join([base.ReproArguments, _choice.ReproArguments]);

    /// <summary>
    /// The chosen kernel over the case's output, with the deconvolution signature (input, weights, bias, output,
    /// params, then the epilogue's arguments where the case is not plain f32 or f16).
    /// </summary>
    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs)
    {
        var c = problem.Case;
        var types = KernelTypes.Of(c);
        var parameters = KernelParams.ForDeconvolution(problem);
        var outputLayout = DataLayout.ForOutput(problem);
        var chosen = _choice.For(parameters, outputLayout, problem.MultiplyAdds(), types);
        using var run = new DeviceRun(Session, types, c.Layout, Options.JitConstants);
        var kernel = run.Kernel(chosen.Source, parameters);
        var output = run.Poisoned(outputLayout.PhysicalLength, c.Types.Destination);
        run.Launch(
            "deconv", kernel, chosen.WorkItems, chosen.WorkGroup,
            [
                run.UploadActivations(inputs.Input.Data, DataLayout.ForInput(problem), c.Types.Source),
                run.Upload(inputs.Weights.Data, c.Types.Weights),
                run.Upload(inputs.Bias?.Data ?? [], types.Bias),
                output,
                run.Upload(chosen.Params.AsSpan()),
                .. run.EpilogueArgs(problem, inputs),
            ]);
        var (tensor, nonZeroLanes) = run.DownloadActivations(output, outputLayout, c.Types.Destination);
        return new BackendOutput.Produced(tensor, [], run.Findings, nonZeroLanes, chosen.Note) { DeviceTimes = run.Timings };
    }
}
