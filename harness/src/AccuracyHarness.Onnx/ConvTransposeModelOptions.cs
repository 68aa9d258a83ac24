namespace AccuracyHarness.Onnx;

/// <summary>How <see cref="ConvTransposeModel.Build"/> shapes the model.</summary>
public sealed record ConvTransposeModelOptions
{
    /// <summary>ConvTranspose is defined at opsets 1, 11 and 22; 11 is the first with today's attribute semantics.</summary>
    public const int MinimumOpset = 11;

    /// <summary>A quantized case's model needs per-axis DequantizeLinear and QuantizeLinear, defined from opset 13.</summary>
    public const int MinimumQuantizedOpset = 13;

    public WeightsSource Weights { get; init; } = WeightsSource.Initializer;

    /// <summary>For f16 cases: keep f16 tensors at the graph's edges but compute in f32 between Cast nodes.</summary>
    public bool F16ViaCasts { get; init; }

    public int Opset { get; init; } = 17;
}
