namespace AccuracyHarness.Core.Cases;

/// <summary>ONNX ConvTranspose auto_pad.</summary>
public enum AutoPad { NotSet, SameUpper, SameLower, Valid }
