using System.Globalization;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Benchdnn;

/// <summary>
/// benchdnn's data types and attributes in the harness's tokens (README "benchdnn import"): <c>--dt</c> and
/// <c>--cfg</c> become a case's types, <c>--attr-scales</c> and <c>--attr-oscale</c> its weight-scale policy
/// (<c>sw-pc</c> for per-output-channel; the scale VALUES are not carried, a case's scales come from its seed),
/// <c>--attr-zero-points</c> its zero points (values carried; per-channel ones from the seed) and
/// <c>--attr-post-ops</c> its post-op chain. What has no token is a <see cref="NotExpressibleException"/> with the reason.
/// </summary>
public static partial class BenchdnnAttributes
{
    /// <summary>oneDNN's policies for one value per output channel (the destination's dimension 1, mask 2).</summary>
    private static readonly string[] PerChannel = ["per_oc", "per_dim_1", "2"];

    /// <summary>Policies of one value (host_scalar: one value given at execution time).</summary>
    private static readonly string[] Common = ["common", "host_scalar", "per_tensor", "0"];

    [GeneratedRegex("^(f32|f16|bf16|u8|s8|s32)(f32|f16|bf16|u8|s8|s32)(f32|f16|bf16|u8|s8|s32)$")]
    private static partial Regex Configuration();

    /// <summary>
    /// A <c>--dt</c> value (<c>f32</c>, <c>u8:s8:u8</c>) or a oneDNN 2.x <c>--cfg</c> name (<c>u8s8u8</c>,
    /// <c>bf16bf16f32</c>, <c>f32</c>) as the case's types.
    /// </summary>
    public static CaseTypes Types(string value)
    {
        var parts = value.Contains(':')
            ? value.Split(':')
            : Configuration().Match(value) is { Success: true } m ? [m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value] : [value];
        // A triple is a configuration (s8s8s8) or, with three equal float types, that type (f32:f32:f32).
        string[] names = parts.Length == 3 ? [string.Concat(parts), parts.Distinct().Count() == 1 ? parts[0] : ""] : [value];
        foreach (var name in names)
        {
            if (parts.Length is 1 or 3 && CaseTypes.TryParse(name, out var types)) return types;
        }
        throw new NotExpressibleException($"data type {value} is not one of {CaseTypes.Choices}");
    }

    /// <summary>An <c>--attr-post-ops</c> alternative (<c>sum:0.5+relu</c>, <c>eltwise_clip:0:6</c>, <c>binary_add:f32:2</c>).</summary>
    public static PostOps PostOpsOf(string value) =>
        value.Length == 0 ? PostOps.None : new PostOps(value.Split('+').Select(PostOpOf));

    private static PostOp PostOpOf(string entry)
    {
        var parts = entry.Split(':');
        var kind = parts[0].ToLowerInvariant();
        kind = kind.StartsWith("eltwise_", StringComparison.Ordinal) ? kind[8..]
            : kind.StartsWith("binary_", StringComparison.Ordinal) ? kind[7..] : kind;
        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        switch (kind)
        {
            case "sum":
                if (Part(2) is { } zp && zp != "0")
                    throw new NotExpressibleException($"post-op {entry}: a sum with its own zero point has no token (sum uses the destination's)");
                if (Part(3) is { } dt && dt != "undef")
                    throw new NotExpressibleException($"post-op {entry}: a sum reading its prior value as {dt} has no token");
                return new PostOp(PostOpKind.Sum, Constant(entry, Part(1), 1));
            case "relu" or "clip" or "clip_v2":
                if (Part(3) is { } scale && Constant(entry, scale, 1) != 1)
                    throw new NotExpressibleException($"post-op {entry}: an eltwise scale other than 1 has no token");
                if (kind == "relu")
                {
                    var alpha = Constant(entry, Part(1), 0);
                    return alpha == 0 ? new PostOp(PostOpKind.Relu) : new PostOp(PostOpKind.Leaky, alpha);
                }
                var (lo, hi) = (Constant(entry, Part(1), 0), Constant(entry, Part(2), 0));
                return lo <= hi ? new PostOp(PostOpKind.Clip, lo, hi)
                    : throw new NotExpressibleException($"post-op {entry}: clip's lower bound is above its upper bound");
            case "add":
                if (Part(1) is { } type && type != "f32")
                    throw new NotExpressibleException($"post-op {entry}: a binary operand of type {type} has no token (add-pc is f32)");
                return Part(2) is { } policy && PerChannel.Contains(policy)
                    ? new PostOp(PostOpKind.AddPerChannel)
                    : throw new NotExpressibleException(
                        $"post-op {entry}: a binary add over the {Part(2) ?? "whole tensor"} has no token (add-pc is per output channel)");
            default:
                throw new NotExpressibleException($"post-op {entry}: {kind} has no token (relu, leaky, clip, sum and add-pc do)");
        }
    }

    /// <summary>
    /// An <c>--attr-scales</c> alternative (<c>src:common:0.25+wei:per_oc+dst:common:2</c>): whether the weights'
    /// scales are per output channel. The values are not carried: a case's scales come from its seed.
    /// </summary>
    public static bool PerChannelWeightScales(string value)
    {
        var perChannel = false;
        foreach (var entry in Entries(value))
        {
            var policy = entry.Length > 1 ? entry[1] : "common";
            if (entry[0] == "wei" && PerChannel.Contains(policy)) perChannel = true;
            else if (entry[0] is not ("src" or "wei" or "dst") || !Common.Contains(policy))
                throw new NotExpressibleException($"scales {string.Join(':', entry)}: only common scales and per_oc weight scales have tokens");
        }
        return perChannel;
    }

    /// <summary>A oneDNN 2.x <c>--attr-oscale</c> alternative (<c>common:0.5</c>, <c>per_oc:2*</c>): per_oc is per-channel weight scales.</summary>
    public static bool PerChannelOutputScales(string value)
    {
        if (value.Length == 0) return false;
        var policy = value.Split(':')[0];
        if (PerChannel.Contains(policy)) return true;
        return Common.Contains(policy) ? false
            : throw new NotExpressibleException($"output scales {value}: only common and per_oc policies have tokens");
    }

    /// <summary>
    /// An <c>--attr-zero-points</c> alternative (<c>src:common:31+dst:common:15</c>, <c>src:per_dim_1</c>): the
    /// source's zero point (common with its value, or per channel from the seed) and the destination's.
    /// </summary>
    public static (ZeroPoint Source, int Destination) ZeroPoints(string value)
    {
        var (source, destination) = (ZeroPoint.None, 0);
        foreach (var entry in Entries(value))
        {
            var (arg, policy) = (entry[0], entry.Length > 1 ? entry[1] : "common");
            // oneDNN 2.x also wrote src:31 (the value alone) and marked runtime values with a trailing '*'.
            var number = entry.Length > 2 ? entry[2] : entry.Length == 2 && Whole(policy, out _) ? policy : "0";
            if (entry.Length == 2 && Whole(policy, out _)) policy = "common";
            if (arg == "src" && PerChannel.Contains(policy)) source = new ZeroPoint(0, PerChannel: true);
            else if (arg is "src" or "dst" && Common.Contains(policy) && Whole(number, out var v))
            {
                if (arg == "src") source = v == 0 ? ZeroPoint.None : new ZeroPoint(v, false);
                else destination = v;
            }
            else
            {
                throw new NotExpressibleException(
                    $"zero points {string.Join(':', entry)}: only a common or per-channel source and a common destination zero point have tokens");
            }
        }
        return (source, destination);
    }

    private static IEnumerable<string[]> Entries(string value) =>
        value.Length == 0 ? [] : value.Split('+').Select(e => e.Split(':'));

    private static bool Whole(string text, out int value) =>
        int.TryParse(text.TrimEnd('*'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static float Constant(string entry, string? text, float otherwise)
    {
        if (text is null) return otherwise;
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= PostOp.MaxConstant) return v;
        throw new NotExpressibleException($"post-op {entry}: '{text}' is not a constant within [-{PostOp.MaxConstant}, {PostOp.MaxConstant}]");
    }
}
