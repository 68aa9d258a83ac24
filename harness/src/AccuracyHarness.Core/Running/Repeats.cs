using System.Globalization;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Runs a case more than once (<c>--repeat</c>) and keeps a result only when every run gave it the
/// same verdict, as <see cref="Verdict"/> defines it (the status and what the diagnosis
/// rests on). Otherwise the result is <see cref="Status.Unstable"/>: a verdict that changes from run
/// to run cannot be shrunk or bisected, so it is a finding of its own.
/// </summary>
public static class Repeats
{
    public static IReadOnlyList<CaseResult> Run(int times, Func<IReadOnlyList<CaseResult>> run)
    {
        var first = run();
        if (times <= 1) return first;
        var runs = new List<IReadOnlyList<CaseResult>> { first };
        for (var i = 1; i < times; i++) runs.Add(run());
        return first.Select(r => Merge(r, runs.Select(results => results.Single(x => x.Key == r.Key)).ToList())).ToList();
    }

    /// <summary>The first run's result, or that result marked unstable with the verdicts of every run and how often each came.</summary>
    public static CaseResult Merge(CaseResult first, IReadOnlyList<CaseResult> runs)
    {
        var verdicts = runs.GroupBy(Verdict.Of).ToList();
        if (verdicts.Count == 1) return first;
        var said = string.Join("; ", verdicts.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key} ({v.Count()}x)")));
        var diagnosis = $"unstable over {runs.Count} runs: {said}";
        return first with
        {
            Status = Status.Unstable,
            Diagnosis = first.Diagnosis with { Text = diagnosis },
            Message = first.Message.Length == 0 ? diagnosis : $"{diagnosis}; first run: {first.Message}",
        };
    }
}
