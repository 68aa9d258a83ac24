using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>Whether a prediction reproduces an output within the comparison's bounds, element by element.</summary>
public static class Fit
{
    /// <summary>
    /// Elements of the output that the prediction does not reproduce within the bounds the comparison would give the
    /// prediction in the reference's place (for an integer destination its admissible set), widened by its slack.
    /// </summary>
    public static long Misses(Problem p, Prediction prediction, Tensor got)
    {
        var basis = ComparisonBasis.Of(p, prediction.AsReference());
        long misses = 0;
        for (var i = 0; i < got.Length; i++)
        {
            if (prediction.Unknown?[i] == true) continue;
            var value = got.Data[i];
            if (double.IsNaN(prediction.Output[i]))
            {
                if (!NotWritten(value)) misses++;
                continue;
            }
            var stored = basis.Stored[i];
            if (!float.IsFinite(value) || !float.IsFinite(stored))
            {
                if (!value.Equals(stored)) misses++;
                continue;
            }
            var error = (double)value - stored;
            var bound = (error > 0 && basis.BoundsAbove is { } above ? above[i] : basis.Bounds?[i] ?? 0) + (prediction.Slack?[i] ?? 0);
            if (Math.Abs(error) > bound) misses++;
        }
        return misses;
    }

    /// <summary>
    /// Whether element i of a float sum's prediction (the search's, on plain float cases) reproduces the stored value (an
    /// element left open fits anything).
    /// </summary>
    public static bool Element(Problem p, Prediction prediction, int i, float value) =>
        prediction.Unknown?[i] == true
        || Value(p, prediction.Output[i], prediction.AbsSum[i], prediction.Terms[i], prediction.Slack?[i], value);

    /// <summary>Whether a predicted sum (with the sums that bound its rounding) reproduces the stored value.</summary>
    public static bool Value(Problem p, double expected, double absSum, int terms, double? slack, float value)
    {
        var type = p.Case.Types.Destination;
        if (double.IsNaN(expected)) return NotWritten(value);
        var stored = Tensor.Round(expected, type);
        if (!float.IsFinite(value) || !float.IsFinite(stored)) return value.Equals(stored);
        var exact = p.Case.Fill == FillMode.Exact && slack is null;
        var bound = exact ? 0 : Tolerance.Bound(expected, absSum, terms, type) + (slack ?? 0);
        return Math.Abs((double)value - stored) <= bound;
    }

    /// <summary>What an element nothing writes holds: the poison (NaN) or a zero-initialised buffer's 0.</summary>
    private static bool NotWritten(float value) => float.IsNaN(value) || value == 0;
}
