namespace AccuracyHarness.Core.Reference;

/// <summary>
/// How the gather accumulates: a type parameter, so that the exact form compiles to a plain
/// addition and a fault model's rounding costs nothing when it is not used.
/// </summary>
internal interface ISum
{
    double Add(double acc, double product);
}
