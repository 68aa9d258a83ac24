namespace AccuracyHarness.Core.Comparison;

/// <summary>Optional fixed tolerances that replace the computed bound: |err| &lt;= atol + rtol*|ref|.</summary>
public sealed record FixedTolerance(double Atol, double Rtol);
