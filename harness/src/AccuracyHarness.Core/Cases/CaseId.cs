using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AccuracyHarness.Core.Cases;

/// <summary>
/// The canonical one-line case id, e.g.
/// <c>mb1_ic4_oc8_g2_in5x5_k3x3_s2x2_d1x1_pb1x1_pe1x1_op1x1_ap-notset_bias_f32_nchw_random_seed7</c>.
/// Tokens are separated by '_' and may come in any order when parsed; missing ones take ONNX
/// defaults (only ic, oc, in and k are required). It is safe as a folder name and in a shell.
/// </summary>
public static partial class CaseId
{
    public const string Example = "mb1_ic4_oc8_g2_in5x5_k3x3_s2x2_d1x1_pb1x1_pe1x1_op1x1_ap-notset_bias_f32_nchw_random_seed7";

    public static string Format(DeconvCase c)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"mb{c.Batch}_ic{c.InChannels}_oc{c.OutChannels}_g{c.Groups}");
        sb.Append(CultureInfo.InvariantCulture, $"_in{c.Input}_k{c.Kernel}_s{c.Strides}_d{c.Dilations}");
        sb.Append(CultureInfo.InvariantCulture, $"_pb{c.PadsBegin}_pe{c.PadsEnd}_op{c.OutputPadding}");
        if (c.OutputShape is { } os) sb.Append(CultureInfo.InvariantCulture, $"_os{os}");
        sb.Append("_ap-").Append(Names.Of(c.AutoPad).ToLowerInvariant().Replace('_', '-'));
        sb.Append(c.HasBias ? "_bias" : "_nobias");
        sb.Append('_').Append(Names.Of(c.DataType));
        sb.Append('_').Append(Names.Of(c.Layout));
        sb.Append('_').Append(Names.Of(c.Fill));
        sb.Append(CultureInfo.InvariantCulture, $"_seed{c.Seed}");
        return sb.ToString();
    }

    [GeneratedRegex("^(mb|ic|oc|g|in|k|s|d|pb|pe|op|os)(-?[0-9]+(?:x-?[0-9]+)*)$")]
    private static partial Regex ValuedToken();

    [GeneratedRegex("^seed([0-9]+)$")]
    private static partial Regex SeedToken();

    /// <summary>Parses an id; throws <see cref="FormatException"/> naming the token that is wrong.</summary>
    public static DeconvCase Parse(string text)
    {
        if (TryParse(text, out var c, out var error)) return c;
        throw new FormatException(error);
    }

    public static bool TryParse(string text, out DeconvCase result, out string error)
    {
        result = null!;
        error = "";
        var values = new Dictionary<string, Dims>();
        int? batch = null;
        bool? bias = null;
        DataType? dtype = null;
        LayoutFamily? layout = null;
        FillMode? fill = null;
        AutoPad? autoPad = null;
        ulong? seed = null;

        // Exact blocked layout names contain the separator; read them as one token first.
        var normalised = text.Trim();
        for (var r = 1; r <= 3; r++)
            normalised = normalised.Replace(Names.ExactLayout(LayoutFamily.Blocked16, r), "blocked16", StringComparison.OrdinalIgnoreCase);

        foreach (var token in normalised.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = token.ToLowerInvariant();
            if (lower is "bias" or "nobias") { bias = lower == "bias"; continue; }
            if (Names.TryParseDataType(lower, out var t)) { dtype = t; continue; }
            if (Names.TryParseLayout(lower, out var l)) { layout = l; continue; }
            if (Names.TryParseFill(lower, out var f)) { fill = f; continue; }
            if (lower.StartsWith("ap-", StringComparison.Ordinal))
            {
                if (!Names.TryParseAutoPad(lower[3..], out var a))
                {
                    error = $"case id token '{token}': auto_pad must be ap-notset, ap-same-upper, ap-same-lower or ap-valid";
                    return false;
                }
                autoPad = a;
                continue;
            }
            var seedMatch = SeedToken().Match(lower);
            if (seedMatch.Success)
            {
                if (!ulong.TryParse(seedMatch.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
                {
                    error = $"case id token '{token}': seed must be an unsigned 64-bit integer";
                    return false;
                }
                seed = s;
                continue;
            }
            var m = ValuedToken().Match(lower);
            if (!m.Success || !Dims.TryParse(m.Groups[2].Value, out var dims))
            {
                error = $"case id token '{token}' is not understood (expected e.g. {Example})";
                return false;
            }
            var key = m.Groups[1].Value;
            if (key == "mb")
            {
                if (dims.Count != 1) { error = $"case id token '{token}': batch takes one value"; return false; }
                batch = dims[0];
                continue;
            }
            if (!values.TryAdd(key, dims))
            {
                error = $"case id token '{token}': '{key}' is given twice";
                return false;
            }
        }

        foreach (var required in new[] { "ic", "oc", "in", "k" })
        {
            if (!values.ContainsKey(required))
            {
                error = $"case id '{text}' lacks '{required}' (expected e.g. {Example})";
                return false;
            }
        }
        foreach (var scalar in new[] { "ic", "oc", "g" })
        {
            if (values.TryGetValue(scalar, out var v) && v.Count != 1)
            {
                error = $"case id token '{scalar}{v}': takes one value";
                return false;
            }
        }

        var rank = values["in"].Count;
        Dims Get(string key, int fallback) => values.TryGetValue(key, out var v) ? v : Dims.Fill(rank, fallback);
        result = new DeconvCase
        {
            Batch = batch ?? 1,
            InChannels = values["ic"][0],
            OutChannels = values["oc"][0],
            Groups = values.TryGetValue("g", out var g) ? g[0] : 1,
            Input = values["in"],
            Kernel = values["k"],
            Strides = Get("s", 1),
            Dilations = Get("d", 1),
            PadsBegin = Get("pb", 0),
            PadsEnd = Get("pe", 0),
            OutputPadding = Get("op", 0),
            OutputShape = values.TryGetValue("os", out var os) ? os : null,
            AutoPad = autoPad ?? AutoPad.NotSet,
            HasBias = bias ?? false,
            DataType = dtype ?? DataType.F32,
            Layout = layout ?? LayoutFamily.Nchw,
            Fill = fill ?? FillMode.Random,
            Seed = seed ?? 1,
        };
        return true;
    }
}
