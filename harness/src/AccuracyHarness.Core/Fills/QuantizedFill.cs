using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Fills;

/// <summary>
/// Inputs of a quantized case (README "Data types (contract)", fills). Sources and weights are integers: in exact mode
/// within 4 of the zero point and within 2 of 0, in random mode over the type's range. Scales are f32 values with few
/// significant bits, so that the real value is exact in double and a tie of the destination's rounding is a real tie.
/// Per-channel scales and zero points vary from channel to channel and channel 0's is never the identity (a scale of
/// 1, a zero point of 0): a kernel that applies channel 0's value everywhere must not pass by luck. One case in four
/// (by seed) sets the destination scale so that most outputs saturate.
/// </summary>
public static class QuantizedFill
{
    /// <summary>Weight scales to draw from: none is 1, each is exact in f32 with at most 3 significant bits.</summary>
    private static readonly float[] ScaleChoices = [0.5f, 0.625f, 0.75f, 1.25f, 1.5f, 2f];

    /// <summary>Significands for the destination scale: powers of two make every rounding exact, the others do not.</summary>
    private static readonly float[] DestinationSignificands = [1f, 0.75f, 1.25f];

    public static CaseInputs For(Problem p)
    {
        var c = p.Case;
        var exact = c.Fill == FillMode.Exact;
        var bits = Fill.Bits(c.Seed, (ulong)Fill.Tag.Scales, 0);
        var zeroPoints = SourceZeroPoints(p);
        var (xMin, xMax) = CaseTypes.IntegerRange(c.Types.Source);

        var input = new float[p.InputShape.Product()];
        var channel = ChannelIndex.Of(p.InputShape);
        for (var i = 0; i < input.Length; i++)
        {
            var zp = zeroPoints[zeroPoints.Length == 1 ? 0 : channel.At(i)];
            var b = Fill.Bits(c.Seed, (ulong)Fill.Tag.Input, i);
            var value = exact ? zp + Fill.Integer(b, -4, 4) : Fill.Integer(b, (int)xMin, (int)xMax);
            input[i] = Math.Clamp(value, xMin, xMax);
        }
        var weights = new float[p.WeightShape.Product()];
        for (var i = 0; i < weights.Length; i++)
        {
            var b = Fill.Bits(c.Seed, (ulong)Fill.Tag.Weights, i);
            weights[i] = exact ? Fill.Integer(b, -2, 2) : Fill.Integer(b, -127, 127);
        }

        var sourceScale = (float)Math.ScaleB(1.0, -2 - (int)(bits % 4));
        var weightScales = Enumerable.Range(0, c.PerChannelWeightScales ? c.OutChannels : 1)
            .Select(oc => ScaleChoices[(int)((Fill.Bits(c.Seed, (ulong)Fill.Tag.Scales, 1 + oc) >> 32) % (ulong)ScaleChoices.Length)])
            .ToArray();
        // Neighbouring channels get different scales, so that one channel's scale used for another shows.
        for (var oc = 1; oc < weightScales.Length; oc++)
        {
            if (weightScales[oc] == weightScales[oc - 1]) weightScales[oc] = ScaleChoices[(Array.IndexOf(ScaleChoices, weightScales[oc]) + 1) % ScaleChoices.Length];
        }

        // The root mean square of a real output: products of independent centred values add up in variance.
        var rmsX = exact ? Math.Sqrt(20.0 / 3) : Rms(xMin, xMax, zeroPoints.Average());
        var rmsW = exact ? Math.Sqrt(2.0) : Rms(-127, 127, 0);
        var taps = Math.Max(1.0, (double)p.Cg * c.Kernel.Product() / c.Strides.Product());
        var realSpread = Math.Sqrt(taps) * rmsX * rmsW * sourceScale * weightScales.Average();
        var saturating = (bits >> 8) % 4 == 0;
        var destinationScale = DestinationScale(c.Types.Destination, realSpread, saturating, bits >> 16);

        var bias = c.HasBias ? BiasValues(p, exact, sourceScale, weightScales, realSpread) : null;
        var quantization = new Quantization(sourceScale, weightScales, destinationScale, zeroPoints, c.DestinationZeroPoint);
        return new CaseInputs(
            new Tensor(p.InputShape, input, c.Types.Source),
            new Tensor(p.WeightShape, weights, c.Types.Weights),
            bias is null ? null : new Tensor(p.BiasShape, bias, DataType.F32))
        {
            Quantization = quantization,
            PostOps = PostOpFill.For(p, realSpread, quantization),
        };
    }

    /// <summary>The root mean square of a value uniform over [min, max] less a zero point.</summary>
    private static double Rms(double min, double max, double zeroPoint)
    {
        var (a, b) = (min - zeroPoint, max - zeroPoint);
        return Math.Sqrt(((b * b * b) - (a * a * a)) / (3 * (b - a)));
    }

    /// <summary>The source zero points: the id's common one, or one per input channel that never starts at 0.</summary>
    private static int[] SourceZeroPoints(Problem p)
    {
        var c = p.Case;
        if (!c.SourceZeroPoint.PerChannel) return [c.SourceZeroPoint.Common];
        var signed = c.Types.Source == DataType.S8;
        return Enumerable.Range(0, c.InChannels).Select(ch =>
        {
            var magnitude = 1 + ((ch * 5) + (int)(Fill.Bits(c.Seed, (ulong)Fill.Tag.ZeroPoints, ch) % 3)) % 12;
            return signed && ch % 2 == 1 ? -magnitude : magnitude;
        }).ToArray();
    }

    /// <summary>
    /// A destination scale that puts the real values' spread at a third of an integer destination's half range (or
    /// at twice it, to saturate), rounded to a power of two times a significand with few bits. An f32 destination
    /// takes the real value itself, so its scale is 1.
    /// </summary>
    private static float DestinationScale(DataType destination, double realSpread, bool saturating, ulong bits)
    {
        if (!CaseTypes.IsInteger(destination)) return 1f;
        var halfRange = destination == DataType.S32 ? 1000.0 : 127.0;
        var target = realSpread / (halfRange * (saturating ? 2.0 : 1.0 / 3.0));
        var power = Math.ScaleB(1.0, (int)Math.Round(Math.Log2(Math.Max(target, 1e-30))));
        return (float)(power * DestinationSignificands[(int)(bits % (ulong)DestinationSignificands.Length)]);
    }

    /// <summary>
    /// Bias in the real domain: in exact mode whole multiples of the channel's source-times-weight scale (so the real
    /// value stays exact), in random mode f32 values of the real values' spread.
    /// </summary>
    private static float[] BiasValues(Problem p, bool exact, float sourceScale, float[] weightScales, double realSpread)
    {
        var c = p.Case;
        var bias = new float[c.OutChannels];
        for (var oc = 0; oc < bias.Length; oc++)
        {
            var b = Fill.Bits(c.Seed, (ulong)Fill.Tag.Bias, oc);
            var scale = (double)sourceScale * weightScales[weightScales.Length == 1 ? 0 : oc];
            bias[oc] = exact ? (float)(Fill.Integer(b, -8, 8) * scale * 4) : (float)(Fill.UniformSigned(b) * realSpread);
        }
        return bias;
    }
}
