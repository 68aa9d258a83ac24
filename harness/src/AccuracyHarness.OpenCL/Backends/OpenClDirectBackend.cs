using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.OpenCL.Devices;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary><c>opencl-direct</c>: the project's gather-form deconvolution kernels, as <see cref="DirectKernelChoice"/> picks.</summary>
public sealed class OpenClDirectBackend : OpenClBackend
{
    public const string Id = "opencl-direct";

    private readonly DirectKernelChoice _choice;

    public OpenClDirectBackend(OpenClDevice device, OpenClOptions options, DirectKernelChoice? choice = null)
        : base(Id, device, options)
    {
        _choice = choice ?? DirectKernelChoice.Default;
    }

    public override string ReproArguments => BackendOption.Join([base.ReproArguments, _choice.ReproArguments]);

    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs)
    {
        var (source, workItems, bake) = _choice.For(problem);
        return RunDeconvolution(source, problem, inputs, workItems, bake);
    }
}
