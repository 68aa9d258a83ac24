namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>
/// A tensor as ONNX Runtime holds it: the shape and the elements, <c>float[]</c> or <c>Half[]</c>.
/// Converting to and from the harness's tensors is the backend's business, not the interop's.
/// </summary>
public sealed record OrtTensor(long[] Shape, Array Elements);
