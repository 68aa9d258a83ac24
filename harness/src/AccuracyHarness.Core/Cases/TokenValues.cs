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

    /// <summary>
    /// A whole number that may be negative, left out of an id at 0 (a destination zero point <c>zpd-3</c>);
    /// a grid says <c>none</c> or 0 for the default.
    /// </summary>
    public static TokenValue<int> SignedOrZero(string expected) => new()
    {
        Fits = SignedText().IsMatch,
        Read = (string text, out int value, out string error) =>
        {
            var read = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            error = read ? "" : expected;
            return read;
        },
        Write = v => v == 0 ? null : v.ToString(CultureInfo.InvariantCulture),
        Normalise = text => IsNone(text) ? null
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? (v == 0 ? null : v.ToString(CultureInfo.InvariantCulture))
                : throw Expected(text, expected),
    };

    /// <summary>The source zero point: a whole number (<c>zps-2</c>) or <c>-pc</c>, one per input channel; a grid says pc.</summary>
    public static TokenValue<ZeroPoint> ZeroPoints() => new()
    {
        Fits = text => text == "-pc" || SignedText().IsMatch(text),
        Read = (string text, out ZeroPoint value, out string error) =>
        {
            error = "";
            if (text == "-pc")
            {
                value = new ZeroPoint(0, PerChannel: true);
                return true;
            }
            var read = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var common);
            value = new ZeroPoint(common, false);
            error = read ? "" : "the source zero point must be a whole number or -pc";
            return read;
        },
        Write = v => v.Text,
        Normalise = text => IsNone(text) ? null
            : text.Equals("pc", StringComparison.OrdinalIgnoreCase) || text.Equals("-pc", StringComparison.OrdinalIgnoreCase) ? "-pc"
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? (v == 0 ? null : v.ToString(CultureInfo.InvariantCulture))
                : throw Expected(text, "a source zero point: a whole number, pc (one per input channel) or none"),
    };

    /// <summary>
    /// A yes/no choice written as one word when on (<c>sw-pc</c>) and left out when off; a grid says the word
    /// (<paramref name="on"/>) or <paramref name="off"/>.
    /// </summary>
    public static TokenValue<bool> Flag(string on, string off) => new()
    {
        Fits = text => text == on,
        Read = (string text, out bool value, out string error) =>
        {
            (value, error) = (true, "");
            return true;
        },
        Write = v => v ? on : null,
        Normalise = text => text.Equals(on, StringComparison.OrdinalIgnoreCase) ? on
            : text.Equals(off, StringComparison.OrdinalIgnoreCase) || IsNone(text) ? null
            : throw Expected(text, $"{on} or {off}"),
    };

    /// <summary>A post-op chain (<c>relu+sum0.5</c>); a grid says <c>none</c> for no post-ops.</summary>
    public static TokenValue<PostOps> PostOpChain() => new()
    {
        Fits = _ => true,
        Read = (string text, out PostOps value, out string error) => PostOps.TryParse(text, out value, out error),
        Write = v => v.Text,
        Normalise = text => IsNone(text) ? null
            : PostOps.TryParse(text, out var ops, out var error) ? ops.Text : throw new FormatException(error),
    };

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex SignedText();

    private static bool IsNone(string text) => text.Equals("none", StringComparison.OrdinalIgnoreCase);

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
