using System.Globalization;

namespace AccuracyHarness.Core.Cases;

/// <summary>
/// One fused post-operation with its f32 constants: <c>relu</c>, <c>leaky0.1</c> (alpha), <c>clip-1to6</c> (lo, hi),
/// <c>sum0.5</c> (scale; <c>sum</c> is scale 1), <c>add-pc</c> (operand per output channel from the seed).
/// Constants are f32 in every library's interface, so a case holds them as f32 values and the reference uses those.
/// </summary>
public sealed record PostOp(PostOpKind Kind, float A = 0, float B = 0)
{
    /// <summary>Constants stay within this magnitude, so that ids write them without an exponent.</summary>
    public const float MaxConstant = 1024;

    public const string Grammar =
        "relu, leaky<alpha>, clip<lo>to<hi>, sum or sum<scale>, add-pc; constants are decimals within [-1024, 1024]";

    public string Text => Kind switch
    {
        PostOpKind.Relu => "relu",
        PostOpKind.Leaky => "leaky" + Number(A),
        PostOpKind.Clip => "clip" + Number(A) + "to" + Number(B),
        PostOpKind.Sum => A == 1 ? "sum" : "sum" + Number(A),
        PostOpKind.AddPerChannel => "add-pc",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    public override string ToString() => Text;

    /// <summary>Reads one post-op's text; false with what it must say instead.</summary>
    public static bool TryParse(string text, out PostOp op, out string error)
    {
        op = null!;
        error = "";
        var lower = text.ToLowerInvariant();
        if (lower == "relu") op = new PostOp(PostOpKind.Relu);
        else if (lower == "add-pc") op = new PostOp(PostOpKind.AddPerChannel);
        else if (lower == "sum") op = new PostOp(PostOpKind.Sum, 1);
        else if (lower.StartsWith("sum", StringComparison.Ordinal) && TryNumber(lower[3..], out var scale))
            op = new PostOp(PostOpKind.Sum, scale);
        else if (lower.StartsWith("leaky", StringComparison.Ordinal) && TryNumber(lower[5..], out var alpha))
            op = new PostOp(PostOpKind.Leaky, alpha);
        else if (lower.StartsWith("clip", StringComparison.Ordinal) && lower[4..].Split("to") is [var lo, var hi]
                 && TryNumber(lo, out var l) && TryNumber(hi, out var h))
        {
            if (l > h)
            {
                error = $"post-op '{text}': clip's lower bound {Number(l)} is above its upper bound {Number(h)}";
                return false;
            }
            op = new PostOp(PostOpKind.Clip, l, h);
        }
        else
        {
            error = $"post-op '{text}' is not one of: {Grammar}";
            return false;
        }
        return true;
    }

    private static bool TryNumber(string text, out float value)
    {
        value = 0;
        if (text.Length == 0 || text.Contains('e') || text.Contains('+')) return false;
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
                out var d) || Math.Abs(d) > MaxConstant) return false;
        value = (float)d;
        return true;
    }

    /// <summary>The shortest text that reads back to the same f32, without an exponent.</summary>
    private static string Number(float v)
    {
        var shortest = v.ToString(CultureInfo.InvariantCulture);
        return shortest.Contains('E') ? ((decimal)v).ToString(CultureInfo.InvariantCulture) : shortest;
    }
}
