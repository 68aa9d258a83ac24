using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites;

/// <summary>A case with where it came from: file:line, and the grid that made it.</summary>
public sealed record SuiteCase(DeconvCase Case, string Source);
