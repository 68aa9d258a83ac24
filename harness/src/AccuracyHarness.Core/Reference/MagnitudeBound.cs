namespace AccuracyHarness.Core.Reference;

/// <summary>
/// Turns a sum of |addends| taken partly in single precision into one never below the exact sum, for
/// <see cref="ReferenceColumns"/>: each of up to <c>taps</c> columns is a sum of <c>channels</c> products of f32
/// magnitudes computed in f32 (any order, with or without FMA), and an output element adds its columns and the
/// bias's magnitude in double.
/// </summary>
/// <remarks>
/// The terms are nonnegative, so every rounding can only shrink them by its relative error: a column's term passes at most K = channels
/// roundings to nearest (its product, then at most K - 1 additions), so the column computed is at least (1 - u)^K >= 1 - K*u times its
/// exact sum, u = 2^-24, less what underflow loses: each of the K roundings at most half the smallest f32 subnormal, 2^-150, where its
/// result is subnormal. The element then adds at most T + 1 values in double, each addition losing at most u' = 2^-53 of its partial sum,
/// and nothing to underflow. So the exact sum is at most (S / (1 - u')^(T + 1) + P*2^-150) / (1 - K*u) for the sum S computed of an element
/// with P products; the factor here adds eight more u' for its own roundings and those of the last multiplication and addition, and the
/// underflow term is taken twice (it is far below anything a verdict could see either way). For whole numbers (a quantized case's centred
/// values, whose products are whole) an f32 sum is exact while it stays below 2^24, and S below 2^24 means every column was: such a sum
/// stays as it is, the exact value that the epilogue's exactness test reads (<see cref="Epilogue"/>).
/// </remarks>
internal readonly record struct MagnitudeBound
{
    private const double UnitRoundoffF64 = 1.0 / (1L << 53);

    /// <summary>Half the smallest f32 subnormal: the most one underflowing product can lose.</summary>
    private const double UnderflowF32 = 7.006492321624085e-46;

    /// <summary>Whole numbers below this are f32 values, and every f32 sum of them that stays below it is exact.</summary>
    private const double ExactIntegers = 1 << 24;

    private readonly double _factor;
    private readonly double _underflow;
    private readonly double _exactBelow;

    public MagnitudeBound(int channels, int taps, bool integral)
    {
        var lost = channels * Comparison.Tolerance.UnitRoundoffF32;
        if (lost >= 1) throw new ArgumentOutOfRangeException(nameof(channels), $"channels {channels} must be below 2^24");
        _factor = (1 + ((taps + 9) * UnitRoundoffF64)) / (1 - lost);
        _underflow = integral ? 0 : 2 * UnderflowF32 / (1 - lost);
        _exactBelow = integral ? ExactIntegers : 0;
    }

    /// <summary>The bound for a sum computed as the remarks say, of an element with <paramref name="products"/> products.</summary>
    public double Apply(double sum, int products) => sum < _exactBelow ? sum : (sum * _factor) + (products * _underflow);
}
