namespace AccuracyHarness.Core.Results;

/// <summary>
/// One of a failing result's ranked explanations (docs/ARCHITECTURE.md section 8): a fault model or a search finding
/// (<see cref="Name"/>, <see cref="Detail"/>), the share of the differing elements it reproduces and the elements it
/// leaves unexplained. An exact one reproduces the whole output within the bounds: it is the diagnosis.
/// </summary>
public sealed record Explanation(string Name, string Detail, double Share, long Residual, bool Exact);
