using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Comparison;

/// <summary>
/// What every backend's output for one case is measured against: the reference rounded to the
/// storage type (what a perfect kernel would store) and each element's bound. It depends on the
/// case alone, so a run builds it once per case and compares every backend with it.
/// </summary>
public sealed class ComparisonBasis
{
    private ComparisonBasis(Problem problem, float[] stored, double[]? bounds)
    {
        Problem = problem;
        Stored = stored;
        Bounds = bounds;
    }

    public Problem Problem { get; }

    /// <summary>The reference rounded to the storage type, in logical order.</summary>
    public float[] Stored { get; }

    /// <summary>Each element's largest allowed error; null in exact mode, where any difference fails.</summary>
    public double[]? Bounds { get; }

    public static ComparisonBasis Of(Problem problem, ReferenceResult reference, FixedTolerance? fixedTolerance = null)
    {
        var type = problem.Case.DataType;
        var n = reference.Output.Length;
        var stored = new float[n];
        for (var i = 0; i < n; i++) stored[i] = Tensor.Round(reference.Output[i], type);
        if (problem.Case.Fill == FillMode.Exact && fixedTolerance is null) return new ComparisonBasis(problem, stored, null);

        var bounds = new double[n];
        for (var i = 0; i < n; i++)
        {
            var refValue = reference.Output[i];
            bounds[i] = fixedTolerance is { } t
                ? t.Atol + (t.Rtol * Math.Abs(refValue))
                : Tolerance.Bound(refValue, reference.AbsSum[i], reference.Terms[i], type);
        }
        return new ComparisonBasis(problem, stored, bounds);
    }
}
