namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The reference result in double precision, in logical output order, with what a tolerance
/// needs per element: the sum of the absolute values of its addends (the products x*w and the
/// bias) and their number.
/// </summary>
public sealed record ReferenceResult(double[] Output, double[] AbsSum, int[] Terms);
