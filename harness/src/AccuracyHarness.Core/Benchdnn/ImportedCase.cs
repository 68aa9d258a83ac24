using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Benchdnn;

/// <summary>A case read from a benchdnn file, with where it came from.</summary>
public sealed record ImportedCase(DeconvCase Case, string? Name, string Source);
