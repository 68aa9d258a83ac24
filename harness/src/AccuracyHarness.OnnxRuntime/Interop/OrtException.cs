namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>An error status returned by ONNX Runtime, with its code and ONNX Runtime's own message.</summary>
public sealed class OrtException(OrtErrorCode code, string ortMessage)
    : Exception($"ONNX Runtime error {code}: {ortMessage}")
{
    public OrtErrorCode Code { get; } = code;

    public string OrtMessage { get; } = ortMessage;
}
