namespace AccuracyHarness.Core.Cases;

/// <summary>The fused post-operations a case can chain (README "Data types (contract)", post-ops).</summary>
public enum PostOpKind
{
    /// <summary>max(v, 0).</summary>
    Relu,

    /// <summary>v for v >= 0, alpha * v below (oneDNN's eltwise_relu with alpha, ONNX LeakyRelu).</summary>
    Leaky,

    /// <summary>min(max(v, lo), hi) (oneDNN's eltwise_clip, ONNX Clip).</summary>
    Clip,

    /// <summary>v + scale * the destination's previous value (dequantized for integer destinations).</summary>
    Sum,

    /// <summary>v + b[oc], a per-output-channel f32 operand drawn from the case seed (oneDNN's binary_add).</summary>
    AddPerChannel,
}
