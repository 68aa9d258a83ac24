namespace AccuracyHarness.Core.Backends;

/// <summary>
/// Backends keyed by name, each with the family that provides it; the command line is the only
/// place that fills it. Creating a backend checks its family's availability first, so a missing
/// native library is a <see cref="BackendUnavailableException"/> (exit 3) before any case runs.
/// </summary>
public sealed class BackendCatalogue
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly List<IBackendFamily> _families = [];

    /// <param name="IsDefault">Whether a run without --backends uses it (users' own kernels are not).</param>
    public sealed record Entry(string Name, string Description, IBackendFamily Family, BackendFactory Factory, bool IsDefault);

    /// <summary>A catalogue of every backend of <paramref name="families"/>, in their order.</summary>
    public static BackendCatalogue Of(IEnumerable<IBackendFamily> families)
    {
        var catalogue = new BackendCatalogue();
        foreach (var family in families)
        {
            catalogue._families.Add(family);
            family.Register(catalogue);
        }
        return catalogue;
    }

    public IReadOnlyList<IBackendFamily> Families => _families;

    public IEnumerable<Entry> Entries => _entries.Values;

    /// <summary>The backends a run uses when none are named.</summary>
    public IReadOnlyList<string> Defaults => _entries.Values.Where(e => e.IsDefault).Select(e => e.Name).ToList();

    public BackendCatalogue Add(IBackendFamily family, string name, string description, BackendFactory factory, bool isDefault = true)
    {
        _entries.Add(name, new Entry(name, description, family, factory, isDefault));
        return this;
    }

    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>The instances of one backend (one per device); an unknown name is an <see cref="ArgumentException"/> listing the known
    /// ones.</summary>
    public IReadOnlyList<IBackend> Create(string name, BackendSettings settings)
    {
        if (!_entries.TryGetValue(name, out var entry))
            throw new ArgumentException($"unknown backend '{name}' (known: {string.Join(", ", _entries.Keys)})");
        if (!entry.Family.IsAvailable(out var reason)) throw new BackendUnavailableException(name, reason);
        return entry.Factory(settings);
    }

    /// <summary>The instances of every named backend, in order: the one way commands construct backends.</summary>
    public IReadOnlyList<IBackend> Create(IEnumerable<string> names, BackendSettings settings) =>
        names.SelectMany(n => Create(n, settings)).ToList();
}
