using AccuracyHarness.Core.Cases;
using AccuracyHarness.Onnx;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>
/// ONNX Runtime 1.23's graph optimizer (its WeightBiasQuantization transformer, on at the default level) rewrites the
/// f32 bias of a ConvTranspose between DequantizeLinear inputs into DequantizeLinear(Cast&lt;int32&gt;(Round(bias /
/// (s_src * s_wei)))), i.e. rounds the bias to a multiple of s_src * s_wei, although the CPU provider then runs the float
/// ConvTranspose all the same. The model adds the f32 bias as it is (so does the contract), so near a rounding tie of
/// the destination the stored integer differs by one. Found by this harness and confirmed outside it (numpy on the
/// same inputs and scales: the QDQ graph's value differs, the one with the bias rounded to the grid is ONNX Runtime's).
/// It applies, as measured on 1.23.2, when the bias and weights are initializers, the source's scale and the weights'
/// scale are per tensor, and the ConvTranspose feeds the destination's QuantizeLinear directly or through Relu or Clip.
/// </summary>
public static class OrtBiasQuantization
{
    public const string Prefix = "known ONNX Runtime bias quantization";

    /// <summary>"known ONNX Runtime bias quantization: ..." for a case whose bias ONNX Runtime rounds, else null.</summary>
    public static string? KnownDivergence(DeconvCase c, WeightsSource weights) =>
        Applies(c, weights)
            ? $"{Prefix}: ONNX Runtime 1.23's optimizer rounds the f32 bias to a multiple of s_src * s_wei (its WeightBiasQuantization) "
              + "before the float ConvTranspose, so an output near a rounding tie may be stored one step off"
            : null;

    private static bool Applies(DeconvCase c, WeightsSource weights) =>
        weights == WeightsSource.Initializer && c.HasBias && c.Types.IsQuantized && c.Types.IntegerDestination
        && !c.SourceZeroPoint.PerChannel && !c.PerChannelWeightScales
        && c.PostOps.All(o => o.Kind is PostOpKind.Relu or PostOpKind.Clip);
}
