namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>What a user's kernel does (docs/ARCHITECTURE.md section 9.3).</summary>
public enum KernelRole { Deconv, WeightsReorder, Conv }
