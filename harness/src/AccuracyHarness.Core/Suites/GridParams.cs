using System.Globalization;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites;

/// <summary>
/// The parameters a grid crosses, written in case-id token syntax. A combination is assembled as
/// case-id tokens and read by <see cref="CaseId"/>, so a grid means exactly what the equivalent
/// hand-written id means. Values are kept normalised (the text after the token's prefix).
/// </summary>
internal static partial class GridParams
{
    public static readonly string[] Names = ["mb", "ic", "oc", "g", "in", "k", "s", "d", "pb", "pe", "op", "os", "ap", "bias", "dtype",
        "layout", "fill", "seed"];

    public static readonly string[] Required = ["ic", "oc", "in", "k"];

    /// <summary>Spatial parameters other than <c>in</c>: a single value applies to every axis of the input.</summary>
    private static readonly HashSet<string> Broadcast = ["k", "s", "d", "pb", "pe", "op", "os"];

    private static readonly HashSet<string> Scalars = ["mb", "ic", "oc", "g", "seed"];

    [GeneratedRegex("^(mb|ic|oc|g|in|k|s|d|pb|pe|op|os)(-?[0-9].*)$")]
    private static partial Regex ValuedToken();

    [GeneratedRegex("^seed([0-9]+)$")]
    private static partial Regex SeedToken();

    /// <summary>
    /// The normalised value of <paramref name="param"/> written as <paramref name="value"/>, or null
    /// for <c>os = none</c> (no output_shape); a <see cref="FormatException"/> says what is expected.
    /// </summary>
    public static string? Normalise(string param, string value)
    {
        var v = value.Trim();
        if (Scalars.Contains(param))
        {
            return ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? v
                : throw new FormatException($"'{v}' is not a whole number");
        }
        if (param == "os" && v.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        if (param == "in" || Broadcast.Contains(param))
        {
            return Dims.TryParse(v, out var dims) && dims.Count is >= 1 and <= 3
                ? dims.ToString()
                : throw new FormatException($"'{v}' is not a size per axis like 3 or 3x3 or 3x3x3{(param == "os" ? ", or none" : "")}");
        }
        return param switch
        {
            "ap" =>
                Cases.Names.TryParseAutoPad(v, out var a) ? ApText(a)
                : throw new FormatException($"'{v}' is not notset, same-upper, same-lower or valid"),
            "bias" => v.ToLowerInvariant() switch
            {
                "bias" or "yes" or "true" => "bias",
                "nobias" or "no" or "false" => "nobias",
                _ => throw new FormatException($"'{v}' is not bias/nobias (or yes/no, true/false)"),
            },
            "dtype" =>
                Cases.Names.TryParseDataType(v, out var t) ? Cases.Names.Of(t) : throw new FormatException($"'{v}' is not f32 or f16"),
            "layout" =>
                Cases.Names.TryParseLayout(v, out var l) ? Cases.Names.Of(l)
                : throw new FormatException($"'{v}' is not one of {Cases.Names.LayoutChoices}"),
            "fill" =>
                Cases.Names.TryParseFill(v, out var f) ? Cases.Names.Of(f) : throw new FormatException($"'{v}' is not random or exact"),
            _ => throw new ArgumentOutOfRangeException(nameof(param), param, "not a grid parameter"),
        };
    }

    /// <summary>A case's parameters as normalised values (what a grid over included cases overrides).</summary>
    public static Dictionary<string, string> Of(DeconvCase c)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in c.Id.Split('_'))
        {
            var valued = ValuedToken().Match(token);
            var seed = SeedToken().Match(token);
            var (key, value) =
                seed.Success ? ("seed", seed.Groups[1].Value)
                : valued.Success ? (valued.Groups[1].Value, valued.Groups[2].Value)
                : token.StartsWith("ap-", StringComparison.Ordinal) ? ("ap", token[3..])
                : token is "bias" or "nobias" ? ("bias", token)
                : Cases.Names.TryParseDataType(token, out _) ? ("dtype", token)
                : Cases.Names.TryParseLayout(token, out _) ? ("layout", token)
                : ("fill", token);
            values[key] = value;
        }
        return values;
    }

    /// <summary>The case id of a set of values; single values of spatial parameters repeat over the input's axes.</summary>
    public static string Id(IReadOnlyDictionary<string, string> values)
    {
        var rank = values.TryGetValue("in", out var input) && Dims.TryParse(input, out var dims) ? dims.Count : 1;
        return string.Join('_', values.Select(kv => Token(kv.Key, kv.Value, rank)));
    }

    private static string Token(string param, string value, int rank) => param switch
    {
        "seed" => "seed" + value,
        "ap" => "ap-" + value,
        "bias" or "dtype" or "layout" or "fill" => value,
        _ when Broadcast.Contains(param) && rank > 1 && !value.Contains('x') => param + string.Join('x', Enumerable.Repeat(value, rank)),
        _ => param + value,
    };

    private static string ApText(AutoPad a) => Cases.Names.Of(a).ToLowerInvariant().Replace('_', '-');
}
