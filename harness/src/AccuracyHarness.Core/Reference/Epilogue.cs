using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// What follows the sum (README "Data types (contract)"): for a quantized case the scales
/// (<c>real = acc * s_src * s_wei[oc] + bias[oc]</c>), then the post-ops in order on the real value. It turns the
/// raw sum of either reference form into the real result, and carries what the bounds need: the sum of the
/// magnitudes of every term, and the number of f32 roundings a correct implementation may make on the way.
/// </summary>
public static class Epilogue
{
    /// <summary>
    /// Roundings of a quantized epilogue before post-ops: the integer sum converted to f32, the two scales and the
    /// bias (a library may fold the scales into one or apply them to the bias: each is one rounding of this count).
    /// </summary>
    private const int QuantizedRoundings = 5;

    /// <summary>
    /// The roundings the destination's requantization may add: a reciprocal, a multiply and the zero point; none for
    /// a power-of-two scale, whose reciprocal and quotients are exact.
    /// </summary>
    public static int RequantizationRoundings(Requantization rq) => IsPowerOfTwo(rq.Scale) ? 0 : 3;

    /// <summary>The real result of a raw reference sum (for a quantized case, its integer sum without the bias).</summary>
    /// <param name="betweenPostOps">
    /// Applied to the value after each post-op but the last: a fault model's intermediate clamp; the contract has none.
    /// </param>
    public static ReferenceResult Apply(Problem p, CaseInputs inputs, ReferenceResult raw, Func<double, double>? betweenPostOps = null)
    {
        var q = inputs.Quantization;
        var ops = p.Case.PostOps;
        if (q is null && ops.IsNone) return raw;
        var n = raw.Output.Length;
        var output = new double[n];
        var absSum = new double[n];
        var terms = new int[n];
        var channel = ChannelIndex.Of(p.OutputShape);
        for (var i = 0; i < n; i++)
        {
            var oc = channel.At(i);
            var (v, abs, count) = (raw.Output[i], raw.AbsSum[i], raw.Terms[i]);
            var exact = false;
            if (q is not null)
            {
                var scale = (double)q.SourceScale * q.WeightScale(oc);
                var bias = inputs.Bias?.Data[oc] ?? 0;
                exact = ExactScaling(v, abs, q, oc, bias);
                (v, abs, count) = ((v * scale) + bias, (abs * scale) + Math.Abs(bias), exact ? 0 : QuantizedRoundings);
            }
            (v, abs, count) = PostOps(p.Case, inputs, q, i, oc, v, abs, count, exact, betweenPostOps);
            output[i] = v;
            absSum[i] = abs;
            terms[i] = count;
        }
        return new ReferenceResult(output, absSum, terms) { Requantization = RequantizationOf(p.Case, q) };
    }

    /// <summary>The real values of a raw sum, without the bounds' bookkeeping (the scatter form).</summary>
    public static double[] Apply(Problem p, CaseInputs inputs, double[] raw) =>
        inputs.Quantization is null && p.Case.PostOps.IsNone
            ? raw
            : Apply(p, inputs, new ReferenceResult(raw, new double[raw.Length], new int[raw.Length])).Output;

    /// <summary>
    /// Whether every evaluation a correct implementation may choose is exact in f32 up to the bias: the integer sum,
    /// the scales in any order, the bias scaled into the accumulator's domain (oneDNN 2.x) and the sum itself are all
    /// f32 values, and the destination scale is a power of two (so that a scaled domain changes nothing). Then there
    /// is no rounding to allow for, and a tie of the destination's rounding is decided by the contract alone.
    /// </summary>
    /// <remarks>
    /// A framework that dequantizes first (ONNX Runtime's QDQ path) sums products of f32 values in f32: every partial
    /// sum is a whole multiple of s_src * s_wei of magnitude at most <paramref name="absSum"/> of them, so it is exact
    /// while that many times the scale's odd significand stays within f32's 24 bits.
    /// </remarks>
    private static bool ExactScaling(double acc, double absSum, Quantization q, int oc, double bias)
    {
        double sourceScale = q.SourceScale, weightScale = q.WeightScale(oc);
        var scale = sourceScale * weightScale;
        return IsPowerOfTwo(q.DestinationScale) && IsF32(scale) && absSum * OddSignificand(scale) <= 1 << 24
            && IsF32(acc * sourceScale)
            && IsF32(acc * weightScale) && IsF32(acc * scale) && IsF32(bias / scale) && IsF32(acc + (bias / scale))
            && IsF32((acc * scale) + bias);
    }

    private static bool IsF32(double x) => (float)x == x;

    /// <summary>The odd integer m with x = m * 2^e (x an f32 value above 0).</summary>
    private static long OddSignificand(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var significand = (bits & 0xFFFFFFFFFFFFFL) | (1L << 52);
        return significand >> System.Numerics.BitOperations.TrailingZeroCount(significand);
    }

    private static bool IsPowerOfTwo(float x) => x > 0 && float.IsNormal(x) && (BitConverter.SingleToInt32Bits(x) & 0x7FFFFF) == 0;

    /// <summary>How the case's real values are stored, when its destination holds integers.</summary>
    public static Requantization? RequantizationOf(DeconvCase c, Quantization? q) =>
        q is not null && c.Types.IntegerDestination ? new Requantization(q.DestinationScale, q.DestinationZeroPoint, c.Types.Destination) : null;

    /// <summary>What the raw sum reads: a quantized source centred on its zero points, and no bias (it joins after the scales).</summary>
    public static CaseInputs SumInputs(Problem p, CaseInputs inputs) =>
        inputs.Quantization is null
            ? inputs
            : inputs with { Input = new Tensor(inputs.Input.Shape, CenteredInput(p, inputs), DataType.F32), Bias = null };

    /// <summary>
    /// The input a quantized case's sum reads: each source value minus its channel's zero point, so that padding
    /// and the stride's holes (which the sum skips) are worth the zero point, i.e. nothing in real terms.
    /// </summary>
    public static float[] CenteredInput(Problem p, CaseInputs inputs)
    {
        var x = inputs.Input.Data;
        if (inputs.Quantization is not { } q) return x;
        var centered = new float[x.Length];
        var channel = ChannelIndex.Of(p.InputShape);
        for (var i = 0; i < x.Length; i++) centered[i] = x[i] - q.SourceZeroPoint(channel.At(i));
        return centered;
    }

    /// <summary>
    /// The post-ops on one element. Relu moves no value further than its error; leaky scales the error by at most
    /// max(1, |alpha|); clip may round its bound (a rounding); sum and add add a term (to the magnitudes) and two
    /// roundings. While <paramref name="exact"/> holds (an exact quantized evaluation so far), a post-op whose results
    /// are f32 values rounds nothing and counts nothing.
    /// </summary>
    private static (double Value, double Abs, int Terms) PostOps(
        DeconvCase c, CaseInputs inputs, Quantization? q, int i, int oc, double v, double abs, int terms, bool exact,
        Func<double, double>? between)
    {
        int Roundings(int count, params double[] results)
        {
            exact = exact && results.All(IsF32);
            return exact ? 0 : count;
        }

        for (var k = 0; k < c.PostOps.Count; k++)
        {
            var op = c.PostOps[k];
            switch (op.Kind)
            {
                case PostOpKind.Relu:
                    v = Math.Max(v, 0);
                    break;
                case PostOpKind.Leaky:
                    terms += Roundings(1, op.A * v);
                    v = v >= 0 ? v : op.A * v;
                    abs *= Math.Max(1, Math.Abs(op.A));
                    break;
                case PostOpKind.Clip:
                    // A library working in the destination's scaled domain (oneDNN 2.x) divides the bounds by s_dst:
                    // one rounding of the bound, whose magnitude joins the terms where it becomes the value.
                    v = Math.Clamp(v, op.A, op.B);
                    (abs, terms) = (Math.Max(abs, Math.Abs(v)), terms + Roundings(1));
                    break;
                case PostOpKind.Sum:
                    var prior = (double)inputs.PostOps!.SumPrior!.Data[i];
                    if (c.Types.IntegerDestination && q is not null) prior = (prior - q.DestinationZeroPoint) * q.DestinationScale;
                    var term = op.A * prior;
                    terms += Roundings(2, term, v + term);
                    (v, abs) = (v + term, abs + Math.Abs(term));
                    break;
                case PostOpKind.AddPerChannel:
                    // The add, and the operand's division by s_dst in a library working in the scaled domain.
                    var operand = (double)inputs.PostOps!.Operands[k]![oc];
                    terms += Roundings(2, v + operand);
                    (v, abs) = (v + operand, abs + Math.Abs(operand));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(c), op.Kind, "unknown post-op");
            }
            if (between is not null && k < c.PostOps.Count - 1) v = between(v);
        }
        return (v, abs, terms);
    }
}
