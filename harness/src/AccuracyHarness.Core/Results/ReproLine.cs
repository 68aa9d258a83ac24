namespace AccuracyHarness.Core.Results;

/// <summary>The one place that writes the command which runs a result again.</summary>
public static class ReproLine
{
    /// <summary>The command-line tool as a user types it from the repository root.</summary>
    public const string Program = "scripts/harness";

    public static string Of(ResultSubject s) =>
        string.Join(" ", new[] { $"{Program} run --case {s.Case.Id} --backends {s.Backend} --devices {s.Device}", s.ReproArguments }
            .Where(part => part.Length > 0));
}
