using System.Globalization;
using System.Text.RegularExpressions;

namespace AccuracyHarness.Core.Cases;

/// <summary>The kinds of token value in the case-id grammar; <see cref="CaseTokens"/> gives each token one.</summary>
public static partial class TokenValues
{
    private const string SizePerAxis = "a size per axis like 3 or 3x3 or 3x3x3";

    /// <summary>Sizes as an id writes them; negative values are read so that validation can name them (pb-1).</summary>
    [GeneratedRegex("^-?[0-9]+(?:x-?[0-9]+)*$")]
    private static partial Regex SizesText();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex DigitsText();

    /// <summary>A whole number (batch, channels, groups), written like sizes with a single value.</summary>
    public static TokenValue<int> Count(string oneValue) => new()
    {
        Fits = IsSizes,
        Read = (string text, out int value, out string error) =>
        {
            var sizes = Sizes(text);
            var single = sizes.Count == 1;
            (value, error) = single ? (sizes[0], "") : (0, oneValue);
            return single;
        },
        Write = v => v.ToString(CultureInfo.InvariantCulture),
        Normalise = WholeNumber,
    };

    /// <summary>An unsigned 64-bit number (the fill seed): digits only.</summary>
    public static TokenValue<ulong> Unsigned(string outOfRange) => new()
    {
        Fits = DigitsText().IsMatch,
        Read = (string text, out ulong value, out string error) =>
        {
            var read = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            error = read ? "" : outOfRange;
            return read;
        },
        Write = v => v.ToString(CultureInfo.InvariantCulture),
        Normalise = WholeNumber,
    };

    /// <summary>A size per spatial axis; with <paramref name="broadcast"/>, a grid's single value applies to every axis.</summary>
    public static TokenValue<Dims> Axes(bool broadcast) => new()
    {
        Fits = IsSizes,
        Read = (string text, out Dims value, out string error) =>
        {
            (value, error) = (Sizes(text), "");
            return true;
        },
        Write = v => v.ToString(),
        Normalise = text => AxesText(text) ?? throw Expected(text, SizePerAxis),
        AtRank = broadcast ? Broadcast : (text, _) => text,
    };

    /// <summary>A size per spatial axis that may be absent (output_shape): a grid says <c>none</c>, an id leaves it out.</summary>
    public static TokenValue<Dims?> OptionalAxes() => new()
    {
        Fits = IsSizes,
        Read = (string text, out Dims? value, out string error) =>
        {
            (value, error) = (Sizes(text), "");
            return true;
        },
        Write = v => v?.ToString(),
        Normalise = text => text.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? null
            : AxesText(text) ?? throw Expected(text, SizePerAxis + ", or none"),
        AtRank = Broadcast,
    };

    /// <summary>
    /// One of a set of words (an enumeration read and written through <see cref="Names"/>). With
    /// <paramref name="idError"/>, the token's prefix claims it and a wrong word is named with that
    /// text; without, the word is a token of its own and an unknown word is not this token.
    /// <paramref name="gridParse"/> reads a grid's value where a grid accepts more spellings than an id.
    /// </summary>
    public static TokenValue<T> Words<T>(
        Func<string, T?> parse, Func<T, string> write, string expected, string? idError = null,
        Func<string, T?>? gridParse = null, IReadOnlyDictionary<string, string>? joined = null)
        where T : struct => new()
    {
        Fits = idError is null ? text => parse(text) is not null : _ => true,
        Read = (string text, out T value, out string error) =>
        {
            var word = parse(text);
            (value, error) = word is { } v ? (v, "") : (default, idError ?? "");
            return word is not null;
        },
        Write = v => write(v),
        Normalise = text => (gridParse ?? parse)(text) is { } v ? write(v) : throw Expected(text, expected),
        Joined = joined ?? new Dictionary<string, string>(),
    };

    private static bool IsSizes(string text) => SizesText().IsMatch(text) && Dims.TryParse(text, out _);

    /// <summary>Sizes of a text that <see cref="IsSizes"/> accepted.</summary>
    private static Dims Sizes(string text) => Dims.TryParse(text, out var sizes) ? sizes : throw new FormatException(text);

    private static string WholeNumber(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? text : throw Expected(text, "a whole number");

    private static string? AxesText(string text) =>
        Dims.TryParse(text, out var sizes) && sizes.Count is >= 1 and <= 3 ? sizes.ToString() : null;

    private static string Broadcast(string text, int rank) =>
        rank > 1 && !text.Contains('x') ? string.Join('x', Enumerable.Repeat(text, rank)) : text;

    private static FormatException Expected(string text, string what) => new($"'{text}' is not {what}");
}
