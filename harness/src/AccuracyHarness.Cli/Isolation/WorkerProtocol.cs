using System.Globalization;

namespace AccuracyHarness.Cli.Isolation;

/// <summary>
/// The line protocol between a run and its worker processes (--isolate). Parent and worker make
/// the same backends from the same arguments, so a backend is named by its index in that list.
/// The parent sends <c>case ID\tSOURCE\tSKIP</c> (indices of the backends already done,
/// comma-separated); the worker answers with <c>start INDEX</c> before each backend,
/// <c>result JSON</c> after it, and <c>done</c> after the case.
/// </summary>
public static class WorkerProtocol
{
    public const string Case = "case ";
    public const string Start = "start ";
    public const string Result = "result ";
    public const string Done = "done";

    /// <summary>The hidden option that makes `run` a worker.</summary>
    public const string WorkerFlag = "--worker";

    public static string CaseLine(string caseId, string source, IEnumerable<int> skip) =>
        $"{Case}{caseId}\t{source.Replace('\t', ' ')}\t{string.Join(",", skip)}";

    public static (string CaseId, string Source, IReadOnlySet<int> Skip) ParseCase(string line)
    {
        var parts = line[Case.Length..].Split('\t');
        var skip = parts.Length > 2 ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Index).ToHashSet() : [];
        return (parts[0], parts.Length > 1 ? parts[1] : "", skip);
    }

    public static int Index(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
