using System.Globalization;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// A stored file (results.jsonl, run.json) that cannot be read back: "file:line: field: problem",
/// so that a corrupt or truncated file is a usage error naming where it is broken, not a crash.
/// </summary>
public sealed class StoredFileException(string file, int? line, string field, string problem)
    : Exception($"{file}{(line is { } l ? ":" + l.ToString(CultureInfo.InvariantCulture) : "")}: {field}: {problem}")
{
    public string File { get; } = file;

    public int? Line { get; } = line;

    public string Field { get; } = field;
}
