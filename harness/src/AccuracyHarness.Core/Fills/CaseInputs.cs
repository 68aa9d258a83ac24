using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Fills;

/// <summary>The three input tensors of a case, in logical order (weights in ONNX order C, M/G, k...).</summary>
public sealed record CaseInputs(Tensor Input, Tensor Weights, Tensor? Bias);
