using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli;

/// <summary>The closing summary of a run: counts per backend and device, then each new divergence, then the baseline's state.</summary>
public static class Summary
{
    /// <summary>How many non-passing results are listed in full before the rest is left to the reports.</summary>
    private const int Listed = 20;

    public static void Print(ResultTable table, Baseline.Standing standing, string outDir, TextWriter output)
    {
        foreach (var group in table.Results.GroupBy(r => (r.Subject.Backend, r.Subject.Device)).OrderBy(g => g.Key))
        {
            var n = StatusCounts.Of(group);
            output.WriteLine($"{group.Key.Backend,-24} {group.Key.Device,-10} pass {n.Pass,5}  fail {n.Fail,5}  known {n.Known,5}  " +
                $"error {n.Error,5}  n/a {n.NotApplicable,5}" + (n.Unstable > 0 ? $"  unstable {n.Unstable,5}" : ""));
        }
        var bad = standing.New;
        foreach (var r in bad.Take(Listed))
        {
            var why = string.Join("; ", ResultText.Explanation(r).Where(e => e.Label != "errors").Select(e => e.Value).Distinct());
            var (s, m) = (r.Subject, r.Metrics);
            output.WriteLine($"{Core.Results.StatusNames.Of(r.Status).ToUpperInvariant()} {s.Backend}@{s.Device} {r.CaseId}: " +
                $"bound ratio {m.BoundRatio:G3}, {m.Mismatches}/{m.Elements} mismatches{(why.Length > 0 ? "; " + why : "")}");
            output.WriteLine($"  repro: {ReproLine.Of(r.Subject)}");
        }
        if (bad.Count > Listed)
            output.WriteLine($"... and {bad.Count - Listed} more in {Path.Combine(outDir, Reports.Csv.CsvExporter.Name)}");
        if (standing.Known.Count > 0)
            output.WriteLine($"{standing.Known.Count} known divergence(s) from the baseline: " +
                string.Join("; ", standing.Known.Select(k => k.Entry.Source).Distinct()));
        foreach (var entry in standing.NowPassing)
            output.WriteLine($"baseline entry {entry.Source} ({entry}) now passes: it can be trimmed");
        output.WriteLine($"{table.Results.Count} results: {table.Counts}; written to {outDir}");
    }
}
