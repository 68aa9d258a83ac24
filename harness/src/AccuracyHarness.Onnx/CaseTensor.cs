namespace AccuracyHarness.Onnx;

/// <summary>The tensors of a case, as a model's graph inputs refer to them (the sum's prior destination content among them).</summary>
public enum CaseTensor { Input, Weights, Bias, SumPrior }
