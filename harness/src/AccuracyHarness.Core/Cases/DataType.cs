namespace AccuracyHarness.Core.Cases;

/// <summary>Storage type of tensors on the device; accumulation is always at least f32.</summary>
public enum DataType { F32, F16 }
