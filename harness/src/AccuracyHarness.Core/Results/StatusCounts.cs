namespace AccuracyHarness.Core.Results;

/// <summary>
/// How many results have each status, as every report and the console count them: a failure or
/// error the baseline expects counts as <see cref="Known"/>, not under its status (README: Reports).
/// </summary>
public sealed record StatusCounts(int Pass, int Fail, int Known, int Error, int NotApplicable, int Unstable)
{
    public static StatusCounts Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public static StatusCounts Of(IEnumerable<CaseResult> results) => Empty.Add(results);

    /// <summary>These counts with more results (a run's progress adds each case's as it finishes).</summary>
    public StatusCounts Add(IEnumerable<CaseResult> results) => results.Aggregate(this, (counts, r) => counts.Add(r));

    /// <summary>These counts with one more result.</summary>
    public StatusCounts Add(CaseResult r) => r.IsKnown
        ? this with { Known = Known + 1 }
        : r.Status switch
        {
            Status.Pass => this with { Pass = Pass + 1 },
            Status.Fail => this with { Fail = Fail + 1 },
            Status.Error => this with { Error = Error + 1 },
            Status.NotApplicable => this with { NotApplicable = NotApplicable + 1 },
            Status.Unstable => this with { Unstable = Unstable + 1 },
            _ => throw new ArgumentOutOfRangeException(nameof(r), r.Status, null),
        };

    public int Total => Pass + Fail + Known + Error + NotApplicable + Unstable;

    /// <summary>Results that make a run fail: failures, errors and unstable results the baseline does not expect.</summary>
    public int Bad => Fail + Error + Unstable;

    /// <summary>
    /// "N pass, N fail, N known, N error, N n/a", as every summary line says it, then ", N unstable" when there are
    /// any: only a run with --repeat can have them, and the README promises the word nowhere else.
    /// </summary>
    public override string ToString() =>
        $"{Pass} pass, {Fail} fail, {Known} known, {Error} error, {NotApplicable} n/a" + (Unstable > 0 ? $", {Unstable} unstable" : "");
}
