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

    /// <summary>The chosen kernel over the case's output, with the deconvolution signature (input, weights, bias, output,
    /// params).</summary>
    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs)
    {
        if (PlainFloatOnly.Refuse(Name, problem.Case) is { } refusal) return refusal;
        var c = problem.Case;
        var parameters = KernelParams.ForDeconvolution(problem);
        var outputLayout = DataLayout.ForOutput(problem);
        var (source, workItems, bake) = _choice.For(parameters, outputLayout, problem.MultiplyAdds());
        using var run = new DeviceRun(Session, c.Types.Destination, c.Layout, Options.JitConstants);
        var kernel = run.Kernel(source, parameters, bake);
        var output = run.Poisoned(outputLayout.PhysicalLength);
        run.Launch(
            "deconv", kernel, workItems,
            run.UploadActivations(inputs.Input.Data, DataLayout.ForInput(problem)),
            run.Upload(inputs.Weights.Data),
            run.Upload(inputs.Bias?.Data ?? []),
            output,
            run.Upload(parameters));
        var (tensor, nonZeroLanes) = run.DownloadActivations(output, outputLayout);
        return new BackendOutput.Produced(tensor, [], run.Findings, nonZeroLanes) { DeviceTimes = run.Timings };
    }
}
