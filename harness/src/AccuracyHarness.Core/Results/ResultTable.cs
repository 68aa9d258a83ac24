namespace AccuracyHarness.Core.Results;

/// <summary>The one result table of a run, which every report format renders.</summary>
public sealed record ResultTable(IReadOnlyList<CaseResult> Results, RunInfo Info)
{
    public int Count(Status status) => Results.Count(r => r.Status == status);
}
