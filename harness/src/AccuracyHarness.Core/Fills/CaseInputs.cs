using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Fills;

/// <summary>
/// The input tensors of a case, in logical order (weights in ONNX order C, M/G, k...); a quantized case's
/// inputs hold integers (as the floats they equal), with their scales and zero points in <see cref="Quantization"/>.
/// </summary>
public sealed record CaseInputs(Tensor Input, Tensor Weights, Tensor? Bias)
{
    /// <summary>Scales and zero points; null for float cases.</summary>
    public Quantization? Quantization { get; init; }

    /// <summary>The post-ops' operands; null for a case without post-ops.</summary>
    public PostOpInputs? PostOps { get; init; }
}
