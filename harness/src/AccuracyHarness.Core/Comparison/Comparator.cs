using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Comparison;

/// <summary>Optional fixed tolerances that replace the computed bound: |err| &lt;= atol + rtol*|ref|.</summary>
public sealed record FixedTolerance(double Atol, double Rtol);

/// <summary>
/// Compares a backend's output with the reference element by element. Errors are taken against
/// the reference rounded to the storage type, so a perfectly rounded result has zero error.
/// </summary>
public static class Comparator
{
    public static Metrics Compare(Problem problem, ReferenceResult reference, Tensor got, FixedTolerance? fixedTolerance = null)
    {
        var type = problem.Case.DataType;
        var exact = problem.Case.Fill == FillMode.Exact && fixedTolerance is null;
        var n = reference.Output.Length;
        if (got.Length != n)
            throw new ArgumentException($"output has {got.Length} elements, the reference {n}", nameof(got));

        double maxAbs = 0, maxRel = 0, worstRatio = 0;
        long maxUlp = 0, mismatches = 0;
        var worst = -1;
        var mask = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var refValue = reference.Output[i];
            var stored = Tensor.Round(refValue, type);
            var value = got.Data[i];
            double ratio;
            if (float.IsNaN(stored) || float.IsInfinity(stored) || float.IsNaN(value) || float.IsInfinity(value))
            {
                // Non-finite values match only exactly (NaN with NaN, +Inf with +Inf).
                var same = float.IsNaN(stored) ? float.IsNaN(value) : stored.Equals(value);
                ratio = same ? 0 : double.PositiveInfinity;
                if (!same)
                {
                    maxAbs = double.PositiveInfinity;
                    maxRel = double.PositiveInfinity;
                    maxUlp = long.MaxValue;
                }
            }
            else
            {
                // Errors are measured against what a perfect kernel would store.
                var abs = Math.Abs((double)value - stored);
                var rel = abs == 0 ? 0 : abs / Math.Max(Math.Abs((double)stored), double.Epsilon);
                maxAbs = Math.Max(maxAbs, abs);
                maxRel = Math.Max(maxRel, rel);
                maxUlp = Math.Max(maxUlp, UlpDistance(stored, value, type));
                if (exact)
                {
                    ratio = value.Equals(stored) || (value == 0 && stored == 0) ? 0 : double.PositiveInfinity;
                }
                else
                {
                    var bound = fixedTolerance is { } t
                        ? t.Atol + (t.Rtol * Math.Abs(refValue))
                        : Tolerance.Bound(refValue, reference.AbsSum[i], reference.Terms[i], type);
                    ratio = abs == 0 ? 0 : bound > 0 ? abs / bound : double.PositiveInfinity;
                }
            }
            if (ratio > 1)
            {
                mismatches++;
                mask[i] = true;
            }
            if (ratio > worstRatio || (worst < 0 && ratio > 0))
            {
                worstRatio = Math.Max(worstRatio, ratio);
                worst = i;
            }
        }
        return new Metrics(maxAbs, maxRel, maxUlp, worstRatio, mismatches, n,
            worst < 0 ? null : Tensor.Coordinates(problem.OutputShape, worst), mask);
    }

    /// <summary>Distance in units in the last place of the storage type, across zero as well.</summary>
    public static long UlpDistance(float a, float b, DataType type)
    {
        if (type == DataType.F16)
        {
            return Math.Abs(Ordered(BitConverter.HalfToInt16Bits((Half)a)) - Ordered(BitConverter.HalfToInt16Bits((Half)b)));
        }
        return Math.Abs((long)Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b)));
    }

    /// <summary>Maps sign-magnitude bits to a monotonic integer line (-0 and +0 both to 0).</summary>
    private static int Ordered(int bits) => bits < 0 ? int.MinValue - bits : bits;

    private static int Ordered(short bits) => bits < 0 ? short.MinValue - bits : bits;
}
