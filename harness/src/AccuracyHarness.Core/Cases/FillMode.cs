namespace AccuracyHarness.Core.Cases;

/// <summary>How inputs are filled from the seed (docs/ARCHITECTURE.md section 7).</summary>
public enum FillMode { Random, Exact }
