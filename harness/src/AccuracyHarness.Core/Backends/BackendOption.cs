using System.Globalization;

namespace AccuracyHarness.Core.Backends;

/// <summary>
/// An option a backend family reads from <see cref="BackendSettings"/>, offered on the command
/// line as <c>--NAME</c>: a flag when <paramref name="ValueName"/> is null (set: "true"), else a value.
/// The family renders its repro flags with <see cref="Repro(bool)"/> and <see cref="Repro(int, int)"/>,
/// so the flags a repro line writes are the ones the command line reads.
/// </summary>
public sealed record BackendOption(string Name, string Description, string? ValueName = null)
{
    public bool IsFlag => ValueName is null;

    /// <summary>The command-line flag: <c>--NAME</c>.</summary>
    public string Flag => "--" + Name;

    /// <summary>The flag when it is on, else nothing.</summary>
    public string Repro(bool on) => on ? Flag : "";

    /// <summary>The flag and its value when the value is not the default, else nothing.</summary>
    public string Repro(int value, int defaultValue) =>
        value == defaultValue ? "" : $"{Flag} {value.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The flag and its value when the value is not the default, else nothing.</summary>
    public string Repro(string value, string defaultValue) => value == defaultValue ? "" : $"{Flag} {value}";

    /// <summary>A family's repro flags as one argument string, the empty ones left out.</summary>
    public static string Join(IEnumerable<string> flags) => string.Join(" ", flags.Where(f => f.Length > 0));
}
