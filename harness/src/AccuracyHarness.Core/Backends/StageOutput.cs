using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Backends;

/// <summary>An intermediate tensor of a multi-stage backend, named by its stage.</summary>
public sealed record StageOutput(string Stage, Tensor Tensor);
