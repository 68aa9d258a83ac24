using System.Globalization;
using System.Text.RegularExpressions;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// The baseline entry that covers a failure or error (README: Nightly runs): where it is and why
/// the divergence is known. Written as "file:line: reason" in results.csv and results.jsonl.
/// </summary>
public sealed partial record KnownEntry(string File, int Line, string Reason)
{
    /// <summary>"file:line", as the console names the entry.</summary>
    public string Source => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");

    public override string ToString() => $"{Source}: {Reason}";

    /// <summary>The stored form back (<see cref="ToString"/>); anything else is a <see cref="FormatException"/>.</summary>
    public static KnownEntry Parse(string text)
    {
        var m = Stored().Match(text);
        if (!m.Success || !int.TryParse(m.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            throw new FormatException($"'{text}' is not a baseline entry (FILE:LINE: REASON)");
        return new KnownEntry(m.Groups["file"].Value, line, m.Groups["reason"].Value);
    }

    [GeneratedRegex("^(?<file>.+?):(?<line>[0-9]+): (?<reason>.*)$", RegexOptions.Singleline)]
    private static partial Regex Stored();
}
