using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>Whether a prediction reproduces an output within the comparison's bounds, element by element.</summary>
public static class Fit
{
    /// <summary>Elements of the output that the prediction does not reproduce within the comparison's bound.</summary>
    public static long Misses(Problem p, Prediction prediction, Tensor got)
    {
        long misses = 0;
        for (var i = 0; i < got.Length; i++)
        {
            if (!Element(p, prediction, i, got.Data[i])) misses++;
        }
        return misses;
    }

    /// <summary>Whether element i of the prediction reproduces the stored value (an element left open fits anything).</summary>
    public static bool Element(Problem p, Prediction prediction, int i, float value) =>
        prediction.Unknown?[i] == true
        || Value(p, prediction.Output[i], prediction.AbsSum[i], prediction.Terms[i], prediction.Slack?[i], value);

    /// <summary>Whether a predicted sum (with the sums that bound its rounding) reproduces the stored value.</summary>
    public static bool Value(Problem p, double expected, double absSum, int terms, double? slack, float value)
    {
        var type = p.Case.Types.Destination;
        if (double.IsNaN(expected))
        {
            // Not written: the poison (NaN) or a zero-initialised buffer shows through.
            return float.IsNaN(value) || value == 0;
        }
        var stored = Tensor.Round(expected, type);
        if (!float.IsFinite(value) || !float.IsFinite(stored)) return value.Equals(stored);
        var exact = p.Case.Fill == FillMode.Exact && slack is null;
        var bound = exact ? 0 : Tolerance.Bound(expected, absSum, terms, type) + (slack ?? 0);
        return Math.Abs((double)value - stored) <= bound;
    }
}
