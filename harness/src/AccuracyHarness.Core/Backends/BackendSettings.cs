using System.Globalization;

namespace AccuracyHarness.Core.Backends;

/// <summary>
/// What a backend factory is given: the devices asked for and the options by name (see
/// <see cref="BackendOption"/>). Families read their typed options through <see cref="Flag"/>,
/// <see cref="Number"/> and <see cref="Choice"/>, so every family accepts the same syntax and a
/// bad value is an <see cref="ArgumentException"/> naming the option and what it accepts.
/// </summary>
public sealed record BackendSettings
{
    /// <summary>Devices asked for (empty: the backend's defaults).</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>Options by name (e.g. "rule" = "corrected", "jit-constants" = "true"); other families' options are ignored.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>A flag: absent or "false" is off, "true" is on.</summary>
    public bool Flag(BackendOption option)
    {
        if (!Options.TryGetValue(option.Name, out var text)) return false;
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw new ArgumentException($"option '{option.Name}' = '{text}': must be true or false"),
        };
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>; <paramref name="defaultValue"/> when absent.</summary>
    public int Number(BackendOption option, int defaultValue, int minimum)
    {
        if (!Options.TryGetValue(option.Name, out var text)) return defaultValue;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum) return n;
        throw new ArgumentException($"option '{option.Name}' = '{text}': must be a whole number >= {minimum}");
    }

    /// <summary>One of <paramref name="choices"/> by name, in any case; <paramref name="defaultValue"/> when absent.</summary>
    public T Choice<T>(BackendOption option, IReadOnlyList<T> choices, Func<T, string> name, T defaultValue)
    {
        if (!Options.TryGetValue(option.Name, out var text)) return defaultValue;
        // An index, not FirstOrDefault: for a value type "not found" would read as its default value.
        var index = choices.ToList().FindIndex(c => name(c).Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? choices[index]
            : throw new ArgumentException($"option '{option.Name}' = '{text}': must be one of {string.Join(", ", choices.Select(name))}");
    }
}
