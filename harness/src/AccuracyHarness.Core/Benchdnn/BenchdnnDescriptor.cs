using System.Globalization;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Benchdnn;

/// <summary>
/// Reads oneDNN benchdnn deconvolution problem descriptors (e.g. <c>g2mb256oc96oh27ic256ih27kh5ph2n"alexnet:deconv2"</c>)
/// with benchdnn's conventions, documented in shared/corpus/benchdnn/PROVENANCE.md: oneDNN
/// dilation is ONNX dilation - 1; missing axes copy the next outer one; a missing output size or
/// front pad is derived; a negative end pad is ONNX output_padding.
/// </summary>
public static partial class BenchdnnDescriptor
{
    [GeneratedRegex("^(g|mb|ic|oc|id|ih|iw|od|oh|ow|kd|kh|kw|sd|sh|sw|pd|ph|pw|dd|dh|dw)([0-9]+)")]
    private static partial Regex Field();

    [GeneratedRegex("^n\"([^\"]*)\"")]
    private static partial Regex NameField();

    [GeneratedRegex("^(mb|g|ic|oc|[iokspd][dhw])[0-9]")]
    private static partial Regex LooksLikeDescriptor();

    /// <summary>True when a token is a descriptor rather than an option or a comment.</summary>
    public static bool IsDescriptor(string token) => LooksLikeDescriptor().IsMatch(token);

    /// <summary>A parsed descriptor: the ONNX case, its name (n"...") and the batch it states, if any.</summary>
    public sealed record Parsed(DeconvCase Case, string? Name, bool StatesBatch);

    /// <summary>
    /// Parses one descriptor; a malformed one is a <see cref="FormatException"/> saying why, a
    /// well-formed one ONNX cannot express a <see cref="NotExpressibleException"/>.
    /// </summary>
    public static Parsed Parse(string descriptor, CaseTypes? types = null, bool hasBias = false)
    {
        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        string? name = null;
        var rest = descriptor.Trim();
        while (rest.Length > 0)
        {
            if (rest[0] == '_') { rest = rest[1..]; continue; }
            var n = NameField().Match(rest);
            if (n.Success)
            {
                name = n.Groups[1].Value;
                rest = rest[n.Length..];
                continue;
            }
            var m = Field().Match(rest);
            if (!m.Success)
                throw new FormatException($"benchdnn descriptor '{descriptor}': cannot read '{rest}'");
            if (!int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new FormatException($"benchdnn descriptor '{descriptor}': '{m.Value}' is too large");
            if (!fields.TryAdd(m.Groups[1].Value, number))
                throw new FormatException($"benchdnn descriptor '{descriptor}': '{m.Groups[1].Value}' is given twice");
            rest = rest[m.Length..];
        }

        foreach (var required in new[] { "ic", "oc" })
        {
            if (!fields.ContainsKey(required))
                throw new FormatException($"benchdnn descriptor '{descriptor}': lacks '{required}'");
        }

        bool Has(char axis) => fields.Keys.Any(k => k.Length == 2 && k[1] == axis && k != "mb" && "ioksdp".Contains(k[0]));
        var rank = Has('d') ? 3 : Has('h') ? 2 : Has('w') ? 1
            : throw new FormatException($"benchdnn descriptor '{descriptor}': has no spatial field");
        var axes = rank switch { 3 => "dhw", 2 => "hw", _ => "w" };

        // Missing axes copy the next outer one (w from h, h from d), field by field of the whole axis.
        for (var a = 1; a < axes.Length; a++)
        {
            if (Has(axes[a])) continue;
            foreach (var prefix in "ioksdp")
            {
                if (fields.TryGetValue($"{prefix}{axes[a - 1]}", out var v)) fields[$"{prefix}{axes[a]}"] = v;
            }
        }

        var input = new int[rank];
        var kernel = new int[rank];
        var strides = new int[rank];
        var dilations = new int[rank];
        var padsBegin = new int[rank];
        var padsEnd = new int[rank];
        var outputPadding = new int[rank];
        for (var a = 0; a < rank; a++)
        {
            var axis = axes[a];
            int Get(char prefix, int fallback) => fields.TryGetValue($"{prefix}{axis}", out var v) ? v : fallback;
            input[a] = Get('i', 0);
            if (input[a] == 0) throw new FormatException($"benchdnn descriptor '{descriptor}': lacks 'i{axis}'");
            kernel[a] = Get('k', 1);
            strides[a] = Get('s', 1);
            dilations[a] = Get('d', 0) + 1;
            var span = ((long)(kernel[a] - 1) * dilations[a]) + 1;
            var natural = ((long)(input[a] - 1) * strides[a]) + span;
            long pad, output;
            if (fields.TryGetValue($"o{axis}", out var o))
            {
                output = o;
                pad = fields.TryGetValue($"p{axis}", out var p) ? p : (natural - output) / 2;
            }
            else
            {
                pad = Get('p', 0);
                output = natural - (2 * pad);
            }
            var endPad = natural - output - pad;
            padsBegin[a] = (int)pad;
            if (endPad >= 0)
            {
                padsEnd[a] = (int)endPad;
            }
            else
            {
                outputPadding[a] = (int)-endPad;
            }
            if (pad < 0)
                throw new NotExpressibleException(
                    $"benchdnn descriptor '{descriptor}': front pad p{axis}={pad} is negative, which ONNX cannot express");
        }

        var c = DeconvCase.Create(
            inChannels: fields["ic"],
            outChannels: fields["oc"],
            input: new Dims(input),
            kernel: new Dims(kernel),
            batch: fields.TryGetValue("mb", out var mb) ? mb : 2,
            groups: fields.TryGetValue("g", out var g) ? g : 1,
            strides: new Dims(strides),
            dilations: new Dims(dilations),
            padsBegin: new Dims(padsBegin),
            padsEnd: new Dims(padsEnd),
            outputPadding: new Dims(outputPadding),
            hasBias: hasBias,
            types: types);
        try
        {
            c.Resolve();
        }
        catch (InvalidCaseException e)
        {
            throw new NotExpressibleException($"benchdnn descriptor '{descriptor}': as ONNX {e.Message}");
        }
        return new Parsed(c, name, fields.ContainsKey("mb"));
    }
}
