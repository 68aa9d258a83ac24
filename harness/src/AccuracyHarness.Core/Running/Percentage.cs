using System.Globalization;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// The one reading of a percentage, for a suite's <c>sample P%</c> and <c>run --sample</c>: a
/// number P with 0 &lt; P &lt;= 100, written with or without the percent sign (10, 10%, 10.5%).
/// </summary>
public static class Percentage
{
    public const string Rule = "a percentage P with 0 < P <= 100, written 10, 10% or 10.5%";

    public static bool TryParse(string text, out double percent)
    {
        var number = text.EndsWith('%') ? text[..^1] : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out percent)
               && percent is > 0 and <= 100;
    }
}
