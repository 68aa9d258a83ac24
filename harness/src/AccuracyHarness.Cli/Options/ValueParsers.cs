using System.Globalization;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Options;

/// <summary>
/// The readings of option values every command shares, defined once. Each returns the typed value
/// or throws a <see cref="FormatException"/> whose message completes "'VALUE' ...": what is allowed,
/// in words (<see cref="TypedOption"/> puts the option and the value in front).
/// </summary>
public static class ValueParsers
{
    public static double Percentage(string text) =>
        Core.Running.Percentage.TryParse(text, out var p) ? p : throw new FormatException($"is not {Core.Running.Percentage.Rule}");

    public static int PositiveInteger(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new FormatException("is not a whole number >= 1");

    public static ulong UnsignedInteger(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"is not a whole number from 0 to {ulong.MaxValue}");

    public static double NonNegativeNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && x >= 0
            ? x
            : throw new FormatException("is not a number >= 0 (e.g. 1e-5)");

    /// <summary>A duration in seconds (a number > 0, e.g. 30 or 2.5), optionally written with an 's'.</summary>
    public static TimeSpan Seconds(string text)
    {
        var number = text.EndsWith('s') ? text[..^1] : text;
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)
               && s > 0 && s <= TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(s)
            : throw new FormatException("is not a duration in seconds > 0 (e.g. 30, 2.5 or 30s)");
    }

    /// <summary>One of <paramref name="names"/> (case-insensitive), which the refusal lists.</summary>
    public static Func<string, T> OneOf<T>(IReadOnlyList<(string Name, T Value)> names) => text =>
    {
        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) return value;
        }
        throw new FormatException($"is not one of {string.Join(", ", names.Select(n => n.Name))}");
    };

    /// <summary>The members of an enumeration by their lower-case names.</summary>
    public static Func<string, T> OneOf<T>() where T : struct, Enum =>
        OneOf(Enum.GetValues<T>().Select(v => (v.ToString().ToLowerInvariant(), v)).ToList());

    /// <summary>A comma-separated list, each item read by <paramref name="item"/>; the refusal names the item.</summary>
    public static Func<string, IReadOnlyList<T>> ListOf<T>(Func<string, T> item) => text =>
    {
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0) throw new FormatException("is an empty list (give comma-separated items)");
        return items.Select(i =>
        {
            try
            {
                return item(i);
            }
            catch (FormatException e)
            {
                throw new FormatException($"holds '{i}', which {e.Message}");
            }
        }).ToList();
    };

    public static IReadOnlyList<string> Names(string text) => ListOf(n => n)(text);

    public static CaseTypes DataTypes(string text) =>
        CaseTypes.TryParse(text, out var t) ? t : throw new FormatException($"is not one of {CaseTypes.Choices}");

    public static LayoutFamily Layout(string text) =>
        Core.Cases.Names.TryParseLayout(text, out var l) ? l : throw new FormatException($"is not one of {Core.Cases.Names.LayoutChoices}");

    public static FillMode Fill(string text) =>
        Core.Cases.Names.TryParseFill(text, out var f) ? f : throw new FormatException("is not one of random, exact");

    public static CaseSelection.Shard Shard(string text)
    {
        try
        {
            return CaseSelection.Shard.Parse(text);
        }
        catch (FormatException)
        {
            throw new FormatException("is not a shard i/n with 1 <= i <= n (e.g. 2/4)");
        }
    }

    public static Regex Pattern(string text)
    {
        try
        {
            return new Regex(text);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"is not a regular expression ({e.Message})");
        }
    }
}
