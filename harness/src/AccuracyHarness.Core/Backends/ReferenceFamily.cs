using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Backends;

/// <summary>The reference as a family of one backend: managed code, always available, no options.</summary>
/// <param name="gemm">The matrix product that large cases are summed with (none: the loops).</param>
public sealed class ReferenceFamily(IGemm? gemm = null) : IBackendFamily
{
    public string Name => ReferenceBackend.Id;

    public IReadOnlyList<BackendOption> Options => [];

    public bool IsAvailable(out string reason)
    {
        reason = "";
        return true;
    }

    public string Describe() => "double precision, managed code";

    public void Register(BackendCatalogue catalogue) =>
        catalogue.Add(this, ReferenceBackend.Id, "the double-precision reference in its scatter form, checked against the gather form",
            _ => [new ReferenceBackend(gemm)]);
}
