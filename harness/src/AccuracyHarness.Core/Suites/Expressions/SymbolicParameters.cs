using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>The parameters compared by name rather than by number (<c>dtype == f16</c>), and how their values are read.</summary>
internal static class SymbolicParameters
{
    public static readonly HashSet<string> Kinds = ["dtype", "layout", "fill", "ap", "zps", "sw"];

    /// <summary>Reads a bare word as a value of a symbolic parameter (its canonical name), or null when it is not one.</summary>
    public static string? Normalise(string kind, string word) => kind switch
    {
        "dtype" => CaseTypes.TryParse(word, out var t) ? t.Name : null,
        "zps" => word.ToLowerInvariant() is "none" or "common" or "pc" ? word.ToLowerInvariant() : null,
        "sw" => word.ToLowerInvariant() is "tensor" or "pc" ? word.ToLowerInvariant() : null,
        "layout" => Names.TryParseLayout(word, out var l) ? Names.Of(l) : null,
        "fill" => Names.TryParseFill(word, out var f) ? Names.Of(f) : null,
        "ap" => Names.TryParseAutoPad(word, out var a) ? Names.Of(a) : null,
        _ => null,
    };

    /// <summary>A value of the parameter, for error messages that show how to compare it.</summary>
    public static string Example(string kind) => kind switch
    {
        "dtype" => "f16",
        "layout" => "nhwc",
        "fill" => "exact",
        "zps" or "sw" => "pc",
        _ => "same_upper",
    };
}
