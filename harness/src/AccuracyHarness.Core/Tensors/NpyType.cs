namespace AccuracyHarness.Core.Tensors;

/// <summary>The element types a .npy file of the harness may hold.</summary>
public enum NpyType { F16, F32, F64 }
