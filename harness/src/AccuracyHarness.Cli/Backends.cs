using AccuracyHarness.Core.Backends;

namespace AccuracyHarness.Cli;

/// <summary>The one place that knows every backend: the catalogue the commands choose from.</summary>
public static class BackendWiring
{
    public static BackendCatalogue Catalogue()
    {
        var catalogue = new BackendCatalogue();
        catalogue.Add(ReferenceBackend.Id, "the double-precision reference in its scatter form, checked against the gather form", _ => [new ReferenceBackend()]);
        return catalogue;
    }

    /// <summary>The backends a plain run uses: every one in the catalogue.</summary>
    public static IReadOnlyList<string> Defaults(BackendCatalogue catalogue) =>
        catalogue.Entries.Select(e => e.Name).Where(n => !n.StartsWith("ext:", StringComparison.Ordinal)).ToList();
}
