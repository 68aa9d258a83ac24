namespace AccuracyHarness.Core.Reference;

/// <summary>
/// A narrower accumulator (the half-precision accumulation fault): every product and partial
/// sum rounded.
/// </summary>
internal readonly struct RoundedSum(Func<double, double> rounding) : ISum
{
    public double Add(double acc, double product) => rounding(acc + rounding(product));
}
