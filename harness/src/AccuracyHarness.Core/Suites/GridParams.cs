using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites;

/// <summary>
/// The parameters a grid crosses: the case-id tokens (<see cref="CaseTokens"/>), written as their
/// value text. A combination is assembled as case-id tokens and read by <see cref="CaseId"/>, so a
/// grid means exactly what the equivalent hand-written id means. Values are kept normalised.
/// </summary>
internal static class GridParams
{
    public static readonly string[] Names = [.. CaseTokens.All.Select(t => t.Param)];

    public static readonly string[] Required = [.. CaseTokens.All.Where(t => t.Required).Select(t => t.Param)];

    /// <summary>
    /// The normalised value of <paramref name="param"/> written as <paramref name="value"/>, or null
    /// for <c>os = none</c> (no output_shape); a <see cref="FormatException"/> says what is expected.
    /// </summary>
    public static string? Normalise(string param, string value) => CaseTokens.Get(param).Normalise(value.Trim());

    /// <summary>A case's parameters as normalised values (what a grid over included cases overrides).</summary>
    public static Dictionary<string, string> Of(DeconvCase c)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in CaseTokens.All)
        {
            if (token.ValueText(c) is { } value) values[token.Param] = value;
        }
        return values;
    }

    /// <summary>The case id of a set of values; single values of spatial parameters repeat over the input's axes.</summary>
    public static string Id(IReadOnlyDictionary<string, string> values)
    {
        var rank = values.TryGetValue("in", out var input) && Dims.TryParse(input, out var dims) ? dims.Count : 1;
        return string.Join('_', values.Select(kv => CaseTokens.Get(kv.Key).Token(kv.Value, rank)));
    }
}
