namespace AccuracyHarness.Core.Results;

/// <summary>The run's environment as name/value pairs (devices, library versions, commit), and how it was started.</summary>
public sealed record RunInfo(IReadOnlyList<KeyValuePair<string, string>> Environment)
{
    public DateTimeOffset? Started { get; init; }

    /// <summary>The command that produced the results, as the user typed it (empty when unknown).</summary>
    public string CommandLine { get; init; } = "";
}
