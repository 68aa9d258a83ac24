namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>
/// A tensor as ONNX Runtime holds it: the shape and the elements, <c>float[]</c>, <c>Half[]</c>, <c>byte[]</c> (uint8) or
/// <c>sbyte[]</c> (int8).
/// Converting to and from the harness's tensors is the backend's business, not the interop's.
/// </summary>
public sealed record OrtTensor(long[] Shape, Array Elements);
