namespace AccuracyHarness.Core.Results;

/// <summary>The one place that writes the command which runs a result again.</summary>
public static class ReproLine
{
    /// <summary>The command-line tool as a user types it from the repository root.</summary>
    public const string Program = "scripts/harness";

    public static string Of(string caseId, string backend, string device, string backendArguments) =>
        string.Join(" ", new[] { $"{Program} run --case {caseId} --backends {backend} --devices {device}", backendArguments }
            .Where(part => part.Length > 0));
}
