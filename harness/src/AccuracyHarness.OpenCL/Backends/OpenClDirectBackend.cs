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

    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs)
    {
        var (source, workItems, bake) = _choice.For(
            KernelParams.ForDeconvolution(problem), DataLayout.ForOutput(problem), problem.MultiplyAdds());
        return RunDeconvolution(source, problem, inputs, workItems, bake);
    }
}
