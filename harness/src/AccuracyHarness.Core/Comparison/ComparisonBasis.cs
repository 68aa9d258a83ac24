using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Comparison;

/// <summary>
/// What every backend's output for one case is measured against: the reference stored as the destination's type
/// (what a perfect kernel would store) and each element's bound. It depends on the case alone, so a run builds it
/// once per case and compares every backend with it.
/// </summary>
/// <remarks>
/// An integer destination's bound is the admissible set (README "Data types (contract)"): every value a correct
/// f32 evaluation can store, given that its real value may be off by the roundings <see cref="Epilogue"/> counts.
/// Away from a rounding tie that set is the stored value alone; near one it reaches the neighbour on that side
/// only, so its bounds below and above differ.
/// </remarks>
public sealed class ComparisonBasis
{
    private ComparisonBasis(Problem problem, float[] stored, double[]? bounds, double[]? boundsAbove)
    {
        Problem = problem;
        Stored = stored;
        Bounds = bounds;
        BoundsAbove = boundsAbove;
    }

    public Problem Problem { get; }

    /// <summary>The reference stored as the destination's type, in logical order.</summary>
    public float[] Stored { get; }

    /// <summary>
    /// Each element's largest allowed error (below the stored value, where <see cref="BoundsAbove"/> is given);
    /// null in exact mode, where any difference fails.
    /// </summary>
    public double[]? Bounds { get; }

    /// <summary>Each element's largest allowed error above the stored value, where it differs from below; else null.</summary>
    public double[]? BoundsAbove { get; }

    public static ComparisonBasis Of(Problem problem, ReferenceResult reference, FixedTolerance? fixedTolerance = null)
    {
        var c = problem.Case;
        var n = reference.Output.Length;
        var stored = new float[n];
        if (reference.Requantization is { } rq && fixedTolerance is null) return Requantized(problem, reference, rq);

        var type = c.Types.Destination;
        for (var i = 0; i < n; i++) stored[i] = Tensor.Round(reference.Output[i], type);
        if (IsExact(c) && fixedTolerance is null) return new ComparisonBasis(problem, stored, null, null);

        var bounds = new double[n];
        for (var i = 0; i < n; i++)
        {
            var refValue = reference.Output[i];
            bounds[i] = fixedTolerance is { } t
                ? t.Atol + (t.Rtol * Math.Abs(refValue))
                : Tolerance.Bound(refValue, reference.AbsSum[i], reference.Terms[i], type);
        }
        return new ComparisonBasis(problem, stored, bounds, null);
    }

    /// <summary>
    /// Exact fills make every float sum exact in f32; post-ops other than relu and clip and any scale may round, so
    /// those cases keep their bounds.
    /// </summary>
    private static bool IsExact(DeconvCase c) =>
        c.Fill == FillMode.Exact && !c.Types.IsQuantized && c.PostOps.All(o => o.Kind is PostOpKind.Relu or PostOpKind.Clip);

    private static ComparisonBasis Requantized(Problem problem, ReferenceResult reference, Requantization rq)
    {
        var n = reference.Output.Length;
        var stored = new float[n];
        var below = new double[n];
        var above = new double[n];
        for (var i = 0; i < n; i++)
        {
            var real = reference.Output[i];
            var roundings = reference.Terms[i] + Epilogue.RequantizationRoundings(rq);
            var error = Tolerance.Gamma(roundings, Tolerance.UnitRoundoffF32) * (reference.AbsSum[i] + Math.Abs(rq.ZeroPoint * (double)rq.Scale));
            var (low, high) = rq.Admissible(real, error);
            stored[i] = rq.Store(real);
            below[i] = stored[i] - low;
            above[i] = high - stored[i];
        }
        return new ComparisonBasis(problem, stored, below, above);
    }
}
