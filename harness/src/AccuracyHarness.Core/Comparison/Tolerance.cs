using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Comparison;

/// <summary>
/// Per-element error bounds (docs/ARCHITECTURE.md section 7) for a stored result measured against the
/// reference rounded to the storage type (what a perfect kernel would store). For an element
/// whose sum has K addends (the products and the bias) accumulated in f32, any summation order
/// satisfies |acc - sum| &lt;= gamma(K) * sum|addends|, gamma(K) = K*u / (1 - K*u), u = 2^-24,
/// and underflow adds at most K times half the smallest f32 subnormal. Rounding the result and
/// the reference to the storage type moves them apart by at most one unit in the last place of
/// that type, which the bound adds (2u|ref| plus the type's subnormal spacing).
/// </summary>
public static class Tolerance
{
    public const double UnitRoundoffF32 = 1.0 / (1 << 24);
    public const double UnitRoundoffF16 = 1.0 / (1 << 11);
    public const double UnitRoundoffBF16 = 1.0 / (1 << 8);

    /// <summary>Half the smallest f32 subnormal: the most a single underflowing rounding can lose.</summary>
    private const double UnderflowF32 = 7.006492321624085e-46;

    /// <summary>The smallest subnormal of f32 (2^-149), f16 (2^-24) and bf16 (2^-133): one unit in the last place near zero.</summary>
    private const double SubnormalF32 = 1.401298464324817e-45;
    private const double SubnormalF16 = 5.960464477539063e-8;
    private const double SubnormalBF16 = 9.183549615799121e-41;

    public static double Gamma(long terms, double unitRoundoff)
    {
        var ku = terms * unitRoundoff;
        return ku >= 1 ? double.PositiveInfinity : ku / (1 - ku);
    }

    public static double UnitRoundoff(DataType type) => type switch
    {
        DataType.F16 => UnitRoundoffF16,
        DataType.BF16 => UnitRoundoffBF16,
        _ => UnitRoundoffF32,
    };

    private static double Subnormal(DataType type) => type switch
    {
        DataType.F16 => SubnormalF16,
        DataType.BF16 => SubnormalBF16,
        _ => SubnormalF32,
    };

    /// <summary>The largest difference a correct f32-accumulating kernel's stored value can have from the rounded reference.</summary>
    public static double Bound(double reference, double absSum, int terms, DataType storage)
    {
        var accumulation = (Gamma(terms, UnitRoundoffF32) * absSum) + (terms * UnderflowF32);
        var ulp = (2 * UnitRoundoff(storage) * Math.Abs(reference)) + Subnormal(storage);
        return accumulation + ulp;
    }
}
