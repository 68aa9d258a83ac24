using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Comparison;

/// <summary>
/// Per-element error bounds (DESIGN.md section 7). For an element whose sum has K addends
/// (the products and the bias) accumulated in f32, any summation order satisfies
/// |fl(sum) - sum| &lt;= gamma(K) * sum|addends|, gamma(K) = K*u / (1 - K*u), u = 2^-24;
/// underflow adds at most K times half the smallest subnormal; storing to the output type
/// adds one rounding of the result.
/// </summary>
public static class Tolerance
{
    public const double UnitRoundoffF32 = 1.0 / (1 << 24);
    public const double UnitRoundoffF16 = 1.0 / (1 << 11);

    /// <summary>Half the smallest f32 subnormal: the most a single underflowing rounding can lose.</summary>
    private const double UnderflowF32 = 7.006492321624085e-46;

    /// <summary>Half the smallest f16 subnormal (2^-25).</summary>
    private const double UnderflowF16 = 2.9802322387695312e-8;

    public static double Gamma(long terms, double unitRoundoff)
    {
        var ku = terms * unitRoundoff;
        return ku >= 1 ? double.PositiveInfinity : ku / (1 - ku);
    }

    public static double UnitRoundoff(DataType type) => type == DataType.F16 ? UnitRoundoffF16 : UnitRoundoffF32;

    /// <summary>The largest error a correct f32-accumulating kernel can make on one element.</summary>
    public static double Bound(double reference, double absSum, int terms, DataType storage)
    {
        var accumulation = (Gamma(terms, UnitRoundoffF32) * absSum) + (terms * UnderflowF32);
        var store = storage == DataType.F16
            ? (UnitRoundoffF16 * Math.Abs(reference)) + UnderflowF16
            : (UnitRoundoffF32 * Math.Abs(reference)) + UnderflowF32;
        return accumulation + store;
    }
}
