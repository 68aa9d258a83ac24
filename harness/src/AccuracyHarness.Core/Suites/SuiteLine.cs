using System.Globalization;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.Core.Suites;

/// <summary>
/// One meaningful line of a suite file (comment stripped, trimmed): what errors on it name
/// (<see cref="Display"/>, the path as the user wrote it) and what a case's source says (<see cref="Source"/>).
/// </summary>
internal sealed record SuiteLine(string File, string Display, int Number, string Text)
{
    public string Source => $"{File}:{Number.ToString(CultureInfo.InvariantCulture)}";

    public SuiteException Error(string field, string message) => new(Display, Number, field, message);

    /// <summary>The condition of a <c>where</c>; a syntax error names this line.</summary>
    public SuiteExpression ParseWhere(string text)
    {
        try
        {
            return SuiteExpression.Parse(text);
        }
        catch (FormatException e)
        {
            throw Error("where", e.Message);
        }
    }

    /// <summary>The percentage of a <c>sample P%</c>, in (0, 100].</summary>
    public double ParseSample(string text)
    {
        // A suite writes the percent sign: "sample 5" reads like a count.
        return text.EndsWith('%') && Percentage.TryParse(text, out var p)
            ? p
            : throw Error("sample", $"'{text}' is not a percentage in (0, 100], e.g. sample 5%");
    }
}
