namespace AccuracyHarness.Core.Benchdnn;

/// <summary>
/// A well-formed benchdnn descriptor that ONNX ConvTranspose cannot express (a negative front pad,
/// a tensor too large): a counted skip with its reason, where a malformed one is an error.
/// </summary>
public sealed class NotExpressibleException(string message) : FormatException(message);
