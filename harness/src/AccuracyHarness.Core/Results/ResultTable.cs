namespace AccuracyHarness.Core.Results;

/// <summary>The one result table of a run, which every report format renders.</summary>
public sealed record ResultTable(IReadOnlyList<CaseResult> Results, RunInfo Info)
{
    /// <summary>The counts every format heads its report with (computed when asked: a copy made with `with` has other results).</summary>
    public StatusCounts Counts => StatusCounts.Of(Results);
}
