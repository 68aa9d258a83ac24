using System.Text;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Reports.Runs;

/// <summary>
/// What changed since an earlier run, matched by <see cref="CaseResult.Key"/>: results that fail
/// or error now but passed, were n/a or did not exist before; and results that pass now but
/// failed or errored before. A result that went from fail to error (or back) is still failing.
/// A result that turned bad but is known (the baseline expects it) is newly known, not newly
/// failing: as for `run`, only a divergence outside the baseline is a new failure.
/// </summary>
public sealed record ResultComparison(
    string Previous,
    IReadOnlyList<StatusChange> NewlyFailing,
    IReadOnlyList<StatusChange> NewlyPassing,
    IReadOnlyList<StatusChange> NewlyKnown)
{
    public const string FileName = "compare.txt";

    public static ResultComparison Of(string previous, IEnumerable<CaseResult> before, IEnumerable<CaseResult> now)
    {
        var earlier = new Dictionary<ResultKey, Status>();
        foreach (var r in before) earlier[r.Key] = r.Status;
        var changes = now.Select(r => new StatusChange(r, earlier.TryGetValue(r.Key, out var s) ? s : null)).ToList();
        var turnedBad = changes.Where(c => IsBad(c.Now.Status) && (c.Before is not { } b || !IsBad(b))).ToList();
        return new ResultComparison(
            previous,
            turnedBad.Where(c => !c.Now.IsKnown).ToList(),
            changes.Where(c => c.Now.Status == Status.Pass && c.Before is { } b && IsBad(b)).ToList(),
            turnedBad.Where(c => c.Now.IsKnown).ToList());
    }

    /// <summary>The counts that head the text and the HTML section.</summary>
    public string Counts => $"{NewlyFailing.Count} newly failing, {NewlyPassing.Count} newly passing, {NewlyKnown.Count} newly known";

    public static bool IsBad(Status s) => s is Status.Fail or Status.Error or Status.Unstable;

    public static string Was(Status? before) => before is { } b ? StatusNames.Of(b) : "new";

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine($"compared with {Previous}: {Counts}");
        Section(text, "newly failing", NewlyFailing);
        Section(text, "newly passing", NewlyPassing);
        Section(text, "newly known (failing as the baseline expects)", NewlyKnown);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<StatusChange> changes)
    {
        if (changes.Count == 0) return;
        text.AppendLine($"{title}:");
        foreach (var c in changes)
        {
            var r = c.Now;
            var why = string.Join("; ", new[] { r.Diagnosis.Text, r.Diagnosis.Location, ResultText.Message(r) }.Where(s => s.Length > 0));
            text.AppendLine($"  {StatusNames.Of(r.Status),-5} (was {Was(c.Before)}) {r.Subject.Backend}@{r.Subject.Device} " +
                $"{r.CaseId}{(why.Length > 0 ? ": " + why : "")}");
            text.AppendLine($"        repro: {ReproLine.Of(r.Subject)}");
        }
    }
}
