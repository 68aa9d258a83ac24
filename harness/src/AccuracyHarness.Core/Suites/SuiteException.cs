using System.Globalization;

namespace AccuracyHarness.Core.Suites;

/// <summary>An error in a suite: "file:line: field: message".</summary>
public sealed class SuiteException : Exception
{
    public SuiteException(string message)
        : base(message)
    {
    }

    public SuiteException(string file, int line, string field, string message)
        : base($"{file}:{line.ToString(CultureInfo.InvariantCulture)}: {field}: {message}")
    {
        File = file;
        Line = line;
        Field = field;
    }

    public string? File { get; }

    public int? Line { get; }

    public string? Field { get; }
}
