namespace AccuracyHarness.Core.Cases;

/// <summary>Data layout families (docs/ARCHITECTURE.md section 5); the exact layout name follows from the rank.</summary>
public enum LayoutFamily { Nchw, Nhwc, Blocked16 }
