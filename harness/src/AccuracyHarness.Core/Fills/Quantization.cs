namespace AccuracyHarness.Core.Fills;

/// <summary>
/// The scales and zero points of a quantized case, drawn from its seed (README "Data types (contract)"): f32 scales
/// for the source, the weights (one, or one per output channel) and the destination, and integer zero points for the
/// source (one, or one per input channel) and the destination.
/// </summary>
public sealed record Quantization(
    float SourceScale, float[] WeightScales, float DestinationScale, int[] SourceZeroPoints, int DestinationZeroPoint)
{
    public float WeightScale(int outChannel) => WeightScales.Length == 1 ? WeightScales[0] : WeightScales[outChannel];

    public int SourceZeroPoint(int inChannel) => SourceZeroPoints.Length == 1 ? SourceZeroPoints[0] : SourceZeroPoints[inChannel];
}
