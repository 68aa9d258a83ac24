namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The reference result in double precision, in logical output order (the real value, before the destination's
/// rounding), with what a tolerance needs per element: the sum of the absolute values of its addends (the products
/// x*w, the bias and the post-ops' terms) and the number of f32 roundings a correct implementation may make.
/// </summary>
public sealed record ReferenceResult(double[] Output, double[] AbsSum, int[] Terms)
{
    /// <summary>How the real values are stored when the destination holds integers; null for float destinations.</summary>
    public Requantization? Requantization { get; init; }
}
