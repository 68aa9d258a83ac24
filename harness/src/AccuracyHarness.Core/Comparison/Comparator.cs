using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Comparison;

/// <summary>
/// Compares a backend's output with the reference element by element. Errors are taken against
/// the reference rounded to the storage type, so a perfectly rounded result has zero error.
/// </summary>
public static class Comparator
{
    public static Metrics Compare(Problem problem, ReferenceResult reference, Tensor got, FixedTolerance? fixedTolerance = null) =>
        Compare(ComparisonBasis.Of(problem, reference, fixedTolerance), got);

    public static Metrics Compare(ComparisonBasis basis, Tensor got)
    {
        var n = basis.Stored.Length;
        if (got.Length != n)
            throw new ArgumentException($"output has {got.Length} elements, the reference {n}", nameof(got));

        var type = basis.Problem.Case.Types.Destination;
        double maxAbs = 0, maxRel = 0, worstRatio = 0;
        long maxUlp = 0, mismatches = 0;
        var worst = -1;
        for (var i = 0; i < n; i++)
        {
            var stored = basis.Stored[i];
            var value = got.Data[i];
            if (value == stored && float.IsFinite(value)) continue;
            var ratio = Ratio(basis, i, value);
            if (float.IsFinite(stored) && float.IsFinite(value))
            {
                var abs = Math.Abs((double)value - stored);
                maxAbs = Math.Max(maxAbs, abs);
                maxRel = Math.Max(maxRel, abs / Math.Max(Math.Abs((double)stored), double.Epsilon));
                maxUlp = Math.Max(maxUlp, UlpDistance(stored, value, type));
            }
            else if (ratio > 0)
            {
                maxAbs = double.PositiveInfinity;
                maxRel = double.PositiveInfinity;
                maxUlp = long.MaxValue;
            }
            if (ratio > 1) mismatches++;
            if (ratio > worstRatio || (worst < 0 && ratio > 0))
            {
                worstRatio = Math.Max(worstRatio, ratio);
                worst = i;
            }
        }
        return new Metrics(maxAbs, maxRel, maxUlp, worstRatio, mismatches, n,
            worst < 0 ? null : Tensor.Coordinates(basis.Problem.OutputShape, worst));
    }

    /// <summary>Every element's error over its bound (what error maps and location sentences are drawn from).</summary>
    public static double[] Ratios(ComparisonBasis basis, Tensor got)
    {
        var ratios = new double[basis.Stored.Length];
        for (var i = 0; i < ratios.Length; i++) ratios[i] = Ratio(basis, i, got.Data[i]);
        return ratios;
    }

    /// <summary>
    /// One element's error over its bound: 0 for a perfect value, above 1 for a mismatch, and
    /// infinite for any difference in exact mode or between non-finite values (NaN matches only
    /// NaN, an infinity only itself).
    /// </summary>
    private static double Ratio(ComparisonBasis basis, int i, float value)
    {
        var stored = basis.Stored[i];
        if (!float.IsFinite(stored) || !float.IsFinite(value))
            return (float.IsNaN(stored) ? float.IsNaN(value) : stored.Equals(value)) ? 0 : double.PositiveInfinity;
        var abs = Math.Abs((double)value - stored);
        if (abs == 0) return 0;
        if (basis.Bounds is not { } bounds) return double.PositiveInfinity;
        var bound = value > stored && basis.BoundsAbove is { } above ? above[i] : bounds[i];
        return bound > 0 ? abs / bound : double.PositiveInfinity;
    }

    /// <summary>Distance in units in the last place of the storage type, across zero as well.</summary>
    /// <remarks>For integer types a unit is 1; bf16's units are those of f32's upper 16 bits.</remarks>
    public static long UlpDistance(float a, float b, DataType type) => type switch
    {
        DataType.F16 => Math.Abs(Ordered(BitConverter.HalfToInt16Bits((Half)a)) - Ordered(BitConverter.HalfToInt16Bits((Half)b))),
        DataType.BF16 => Math.Abs(((long)Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b))) / 65536),
        DataType.U8 or DataType.S8 or DataType.S32 => (long)Math.Abs((double)a - b),
        _ => Math.Abs((long)Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b))),
    };

    /// <summary>Maps sign-magnitude bits to a monotonic integer line (-0 and +0 both to 0).</summary>
    private static int Ordered(int bits) => bits < 0 ? int.MinValue - bits : bits;

    private static int Ordered(short bits) => bits < 0 ? short.MinValue - bits : bits;
}
