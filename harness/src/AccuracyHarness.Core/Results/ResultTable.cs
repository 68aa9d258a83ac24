namespace AccuracyHarness.Core.Results;

/// <summary>The run's environment as name/value pairs (devices, library versions, commit), and how it was started.</summary>
public sealed record RunInfo(IReadOnlyList<KeyValuePair<string, string>> Environment)
{
    public DateTimeOffset? Started { get; init; }

    /// <summary>The command that produced the results, as the user typed it (empty when unknown).</summary>
    public string CommandLine { get; init; } = "";
}

/// <summary>The one result table of a run, which every report format renders.</summary>
public sealed record ResultTable(IReadOnlyList<CaseResult> Results, RunInfo Info)
{
    public int Count(Status status) => Results.Count(r => r.Status == status);
}

/// <summary>Writes one report format of a result table into a folder.</summary>
public interface IExporter
{
    /// <summary>The file it writes (e.g. results.csv).</summary>
    string FileName { get; }

    void Export(ResultTable table, string directory);
}
