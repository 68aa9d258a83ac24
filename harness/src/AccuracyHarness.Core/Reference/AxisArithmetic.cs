using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The index arithmetic a gather kernel does on one spatial axis, written as its departures from
/// the correct form: output o takes input i = (o + pb - t*d) / s through tap t when the division
/// is exact and 0 &lt;= i &lt; in. Each field is one way a kernel can get that arithmetic wrong;
/// <see cref="Correct"/> departs in none. Divisions truncate toward zero, as C's do.
/// </summary>
/// <param name="FloorPhase">Taps whose offset is not a multiple of the stride read input floor(n / s) instead of being skipped.</param>
/// <param name="LowerCheck">Whether taps reaching before the first input are skipped.</param>
/// <param name="UpperCheck">Whether inputs past the last one are skipped.</param>
/// <param name="PadBeginShift">Added to the begin pad the kernel uses.</param>
/// <param name="UpperLimitShift">Added to the input size the upper check compares with.</param>
/// <param name="DilateInput">The dilation divides the input side (i = (o + pb - t) / (s*d)) instead of spreading the taps.</param>
public sealed record AxisArithmetic(
    bool FloorPhase = false,
    bool LowerCheck = true,
    bool UpperCheck = true,
    int PadBeginShift = 0,
    int UpperLimitShift = 0,
    bool DilateInput = false)
{
    public static AxisArithmetic Correct { get; } = new();

    /// <summary>The input that output o reads through tap t, or false when the kernel skips the tap.</summary>
    public bool Resolve(in Axis a, int o, int t, out int input)
    {
        var numerator = o + a.PadBegin + PadBeginShift - (DilateInput ? t : t * a.Dilation);
        var divisor = DilateInput ? a.Stride * a.Dilation : a.Stride;
        input = numerator / divisor;
        if (LowerCheck && numerator < 0) return false;
        if (!FloorPhase && numerator % divisor != 0) return false;
        return !UpperCheck || input < a.In + UpperLimitShift;
    }

    /// <summary>Whether this arithmetic reads anything other than the correct one on the axis: a cheap test before a variant.</summary>
    public bool DiffersOn(in Axis a)
    {
        for (var o = 0; o < a.Out; o++)
        for (var t = 0; t < a.Kernel; t++)
        {
            var wrong = Resolve(a, o, t, out var i);
            var right = Correct.Resolve(a, o, t, out var ci);
            if (wrong != right || (wrong && i != ci)) return true;
        }
        return false;
    }
}
