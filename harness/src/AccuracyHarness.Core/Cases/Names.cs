namespace AccuracyHarness.Core.Cases;

public static class Names
{
    public static string Of(DataType t) =>
        t switch
        {
            DataType.F32 => "f32",
            DataType.F16 => "f16",
            DataType.BF16 => "bf16",
            DataType.U8 => "u8",
            DataType.S8 => "s8",
            DataType.S32 => "s32",
            _ => throw new ArgumentOutOfRangeException(nameof(t)),
        };

    public static string Of(FillMode f) => f == FillMode.Exact ? "exact" : "random";

    public static string Of(AutoPad a) => a switch
    {
        AutoPad.NotSet => "NOTSET",
        AutoPad.SameUpper => "SAME_UPPER",
        AutoPad.SameLower => "SAME_LOWER",
        AutoPad.Valid => "VALID",
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static string Of(LayoutFamily l) => l switch
    {
        LayoutFamily.Nchw => "nchw",
        LayoutFamily.Nhwc => "nhwc",
        LayoutFamily.Blocked16 => "blocked16",
        _ => throw new ArgumentOutOfRangeException(nameof(l)),
    };

    /// <summary>The exact layout name for a family at a spatial rank (bfyx, byxf, b_fs_yx_fsv16, ...).</summary>
    public static string ExactLayout(LayoutFamily l, int rank)
    {
        var spatial = rank switch { 1 => "x", 2 => "yx", 3 => "zyx", _ => throw new ArgumentOutOfRangeException(nameof(rank)) };
        return l switch
        {
            LayoutFamily.Nchw => "bf" + spatial,
            LayoutFamily.Nhwc => "b" + spatial + "f",
            LayoutFamily.Blocked16 => "b_fs_" + spatial + "_fsv16",
            _ => throw new ArgumentOutOfRangeException(nameof(l)),
        };
    }

    public static bool TryParseDataType(string text, out DataType t)
    {
        switch (text.ToLowerInvariant())
        {
            case "f32": case "fp32": case "float": t = DataType.F32; return true;
            case "f16": case "fp16": case "half": t = DataType.F16; return true;
            case "bf16": case "bfloat16": t = DataType.BF16; return true;
            case "u8": t = DataType.U8; return true;
            case "s8": t = DataType.S8; return true;
            case "s32": t = DataType.S32; return true;
            default: t = default; return false;
        }
    }

    public static bool TryParseFill(string text, out FillMode f)
    {
        switch (text.ToLowerInvariant())
        {
            case "random": f = FillMode.Random; return true;
            case "exact": f = FillMode.Exact; return true;
            default: f = default; return false;
        }
    }

    public static bool TryParseAutoPad(string text, out AutoPad a)
    {
        switch (text.ToUpperInvariant().Replace('-', '_'))
        {
            case "NOTSET": a = AutoPad.NotSet; return true;
            case "SAME_UPPER": a = AutoPad.SameUpper; return true;
            case "SAME_LOWER": a = AutoPad.SameLower; return true;
            case "VALID": a = AutoPad.Valid; return true;
            default: a = default; return false;
        }
    }

    /// <summary>Accepts a family name or any exact layout name of any rank (a contract: docs/ARCHITECTURE.md section 5).</summary>
    public static bool TryParseLayout(string text, out LayoutFamily l)
    {
        var lower = text.ToLowerInvariant();
        foreach (var family in Enum.GetValues<LayoutFamily>())
        {
            if (lower == Of(family) || Enumerable.Range(1, 3).Any(r => lower == ExactLayout(family, r)))
            {
                l = family;
                return true;
            }
        }
        l = default;
        return false;
    }

    public const string LayoutChoices =
        "nchw|nhwc|blocked16 (or bfx, bfyx, bfzyx, bxf, byxf, bzyxf, b_fs_x_fsv16, b_fs_yx_fsv16, b_fs_zyx_fsv16)";
}
