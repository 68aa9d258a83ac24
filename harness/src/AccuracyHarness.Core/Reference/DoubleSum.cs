namespace AccuracyHarness.Core.Reference;

/// <summary>The reference's own accumulation: one double rounding per addition.</summary>
internal readonly struct DoubleSum : ISum
{
    public double Add(double acc, double product) => acc + product;
}
