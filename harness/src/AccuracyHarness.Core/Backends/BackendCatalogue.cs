namespace AccuracyHarness.Core.Backends;

/// <summary>Settings a backend factory may read; everything else is the backend's own business.</summary>
public sealed record BackendSettings
{
    /// <summary>Devices asked for (empty: the backend's defaults).</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>Free-form options by name (e.g. "rule" = "corrected", "jit-constants" = "true").</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>An on/off option: absent is off; anything but true/false (1/0, yes/no, on/off) is an error naming it.</summary>
    public bool Flag(string name)
    {
        if (!Options.TryGetValue(name, out var text)) return false;
        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new ArgumentException($"option '{name}' = '{text}': must be true or false"),
        };
    }
}

/// <summary>Creates the instances of one backend, one per device it runs on.</summary>
public delegate IReadOnlyList<IBackend> BackendFactory(BackendSettings settings);

/// <summary>Backends keyed by name; the command line is the only place that fills it.</summary>
public sealed class BackendCatalogue
{
    private readonly Dictionary<string, (string Description, BackendFactory Factory)> _entries = new(StringComparer.Ordinal);

    public BackendCatalogue Add(string name, string description, BackendFactory factory)
    {
        _entries.Add(name, (description, factory));
        return this;
    }

    public IEnumerable<(string Name, string Description)> Entries => _entries.Select(e => (e.Key, e.Value.Description));

    public bool Contains(string name) => _entries.ContainsKey(name);

    public IReadOnlyList<IBackend> Create(string name, BackendSettings settings) =>
        _entries.TryGetValue(name, out var entry)
            ? entry.Factory(settings)
            : throw new KeyNotFoundException($"unknown backend '{name}' (known: {string.Join(", ", _entries.Keys)})");
}

/// <summary>A backend that was asked for but cannot run on this machine (a native library is missing).</summary>
public sealed class BackendUnavailableException(string backend, string reason)
    : Exception($"backend {backend} is unavailable: {reason}");
