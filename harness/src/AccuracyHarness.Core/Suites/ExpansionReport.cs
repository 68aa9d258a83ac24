namespace AccuracyHarness.Core.Suites;

/// <summary>
/// What a grid (or a filtered include) made of its combinations: how many it generated, how many
/// were invalid cases (dropped, with the count per field that broke a rule), excluded by its
/// <c>where</c> constraints or left out by <c>sample</c>, and how many it kept.
/// </summary>
public sealed record ExpansionReport(
    string Source,
    string What,
    int Generated,
    int Invalid,
    int Excluded,
    int Unsampled,
    int Kept,
    IReadOnlyDictionary<string, int> InvalidByField)
{
    public string Summary =>
        $"{Source} {What}: {Generated} generated, {Invalid} invalid{Fields()}, {Excluded} excluded by where, "
        + $"{Unsampled} left out by sample, {Kept} kept";

    private string Fields()
    {
        if (InvalidByField.Count == 0) return "";
        var counts = InvalidByField
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}: {kv.Value}");
        return " (" + string.Join(", ", counts) + ")";
    }
}
