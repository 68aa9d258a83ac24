namespace AccuracyHarness.Onnx;

/// <summary>The three tensors of a case, as a model's graph inputs refer to them.</summary>
public enum CaseTensor { Input, Weights, Bias }
