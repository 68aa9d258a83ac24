namespace AccuracyHarness.Core.Cases;

/// <summary>
/// The type of one tensor's elements in storage (README "Data types"). Float types accumulate in at least f32;
/// the integer types hold quantized values (u8/s8 sources and destinations, s8 weights, s32 destinations).
/// </summary>
public enum DataType { F32, F16, BF16, U8, S8, S32 }
