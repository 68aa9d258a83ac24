using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary><c>ext:NAME</c>: a user's <c>deconv</c> kernel from a manifest, under the same contract as the project's own.</summary>
public sealed class ExternalDeconvBackend : OpenClBackend
{
    public const string Prefix = "ext:";

    public ExternalDeconvBackend(KernelManifest manifest, OpenClDevice device, OpenClOptions options)
        : base(Prefix + manifest.Name, device, options)
    {
        if (manifest.Role != KernelRole.Deconv)
            throw new ArgumentException(
                $"kernel manifest {manifest.ManifestPath}: role {KernelManifest.RoleName(manifest.Role)} plugs into opencl-replaced, "
                + "not into an ext: backend", nameof(manifest));
        Manifest = manifest;
    }

    public KernelManifest Manifest { get; }

    public override string ReproArguments => $"--kernel {Path.GetFullPath(Manifest.ManifestPath)} {Options.ReproArguments}".TrimEnd();

    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs) =>
        Manifest.Unsupported(problem) is { } reason
            ? new BackendOutput.NotApplicable(reason)
            : new ManifestDeconvolution(Manifest, OpenClDevice, Options.JitConstants).Run(Session, problem, inputs);
}
