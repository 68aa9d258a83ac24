namespace AccuracyHarness.Core.Results;

/// <summary>The one result table of a run, which every report format renders.</summary>
public sealed record ResultTable(IReadOnlyList<CaseResult> Results, RunInfo Info)
{
    /// <summary>Results with this status that the baseline does not expect (those are counted by <see cref="Known"/>).</summary>
    public int Count(Status status) => Results.Count(r => r.Status == status && !r.IsKnown);

    /// <summary>Failures and errors the baseline expects.</summary>
    public int Known => Results.Count(r => r.IsKnown);

    /// <summary>"N pass, N fail, N known, N error, N n/a", as every summary line says it.</summary>
    public string Totals() =>
        $"{Count(Status.Pass)} pass, {Count(Status.Fail)} fail, {Known} known, {Count(Status.Error)} error, " +
        $"{Count(Status.NotApplicable)} n/a" + (Count(Status.Unstable) is > 0 and var unstable ? $", {unstable} unstable" : "");
}
