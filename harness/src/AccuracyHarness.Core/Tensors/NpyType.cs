namespace AccuracyHarness.Core.Tensors;

/// <summary>The element types a .npy file of the harness may hold (integers are written, not read).</summary>
public enum NpyType { F16, F32, F64, U8, I8, I32 }
