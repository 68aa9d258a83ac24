using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Cli;

/// <summary>The closing summary of a run: counts per backend and device, then each non-passing result.</summary>
public static class Summary
{
    /// <summary>How many non-passing results are listed in full before the rest is left to the reports.</summary>
    private const int Listed = 20;

    public static void Print(ResultTable table, string outDir, TextWriter output)
    {
        foreach (var group in table.Results.GroupBy(r => (r.Backend, r.Device)).OrderBy(g => g.Key))
        {
            int Count(Status s) => group.Count(r => r.Status == s);
            output.WriteLine($"{group.Key.Backend,-24} {group.Key.Device,-10} pass {Count(Status.Pass),5}  fail {Count(Status.Fail),5}  error {Count(Status.Error),5}  n/a {Count(Status.NotApplicable),5}");
        }
        var bad = table.Results.Where(r => r.Status is Status.Fail or Status.Error).ToList();
        foreach (var r in bad.Take(Listed))
        {
            var why = string.Join("; ", new[] { r.Diagnosis, r.Location, r.Message }.Where(s => s.Length > 0));
            output.WriteLine($"{Core.Results.StatusNames.Of(r.Status).ToUpperInvariant()} {r.Backend}@{r.Device} {r.CaseId}: bound ratio {r.BoundRatio:G3}, {r.Mismatches}/{r.Elements} mismatches{(why.Length > 0 ? "; " + why : "")}");
            output.WriteLine($"  repro: {r.Repro}");
        }
        if (bad.Count > Listed) output.WriteLine($"... and {bad.Count - Listed} more in {Path.Combine(outDir, "results.csv")}");
        output.WriteLine($"{table.Results.Count} results: {table.Count(Status.Pass)} pass, {table.Count(Status.Fail)} fail, {table.Count(Status.Error)} error, {table.Count(Status.NotApplicable)} n/a; written to {outDir}");
    }
}
