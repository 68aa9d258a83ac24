namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>ONNX Runtime's native library is missing or unusable; the message says what to run.</summary>
public sealed class OnnxRuntimeUnavailableException(string message) : Exception(message);
