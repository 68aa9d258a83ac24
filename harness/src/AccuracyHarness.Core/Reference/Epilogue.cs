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

    /// <summary>The roundings the destination's requantization may add: a reciprocal, a multiply and the zero point.</summary>
    public const int RequantizationRoundings = 3;

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
        var plane = n / (p.Case.Batch * p.Case.OutChannels);
        for (var i = 0; i < n; i++)
        {
            var oc = i / plane % p.Case.OutChannels;
            var (v, abs, count) = (raw.Output[i], raw.AbsSum[i], raw.Terms[i]);
            if (q is not null)
            {
                var scale = (double)q.SourceScale * q.WeightScale(oc);
                var bias = inputs.Bias?.Data[oc] ?? 0;
                (v, abs, count) = ((v * scale) + bias, (abs * scale) + Math.Abs(bias), QuantizedRoundings);
            }
            (v, abs, count) = PostOps(p.Case, inputs, q, i, oc, v, abs, count, betweenPostOps);
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
        var plane = x.Length / (p.Case.Batch * p.Case.InChannels);
        var centered = new float[x.Length];
        for (var i = 0; i < x.Length; i++) centered[i] = x[i] - q.SourceZeroPoint(i / plane % p.Case.InChannels);
        return centered;
    }

    /// <summary>
    /// The post-ops on one element. Relu moves no value further than its error; leaky scales the error by at most
    /// max(1, |alpha|); clip may round its bound (a rounding); sum and add add a term (to the magnitudes) and two
    /// roundings.
    /// </summary>
    private static (double Value, double Abs, int Terms) PostOps(
        DeconvCase c, CaseInputs inputs, Quantization? q, int i, int oc, double v, double abs, int terms, Func<double, double>? between)
    {
        for (var k = 0; k < c.PostOps.Count; k++)
        {
            var op = c.PostOps[k];
            switch (op.Kind)
            {
                case PostOpKind.Relu:
                    v = Math.Max(v, 0);
                    break;
                case PostOpKind.Leaky:
                    v = v >= 0 ? v : op.A * v;
                    abs *= Math.Max(1, Math.Abs(op.A));
                    terms++;
                    break;
                case PostOpKind.Clip:
                    // A library working in the destination's scaled domain (oneDNN 2.x) divides the bounds by s_dst:
                    // one rounding of the bound, whose magnitude joins the terms where it becomes the value.
                    v = Math.Clamp(v, op.A, op.B);
                    (abs, terms) = (Math.Max(abs, Math.Abs(v)), terms + 1);
                    break;
                case PostOpKind.Sum:
                    var prior = (double)inputs.PostOps!.SumPrior!.Data[i];
                    if (c.Types.IntegerDestination && q is not null) prior = (prior - q.DestinationZeroPoint) * q.DestinationScale;
                    var term = op.A * prior;
                    (v, abs, terms) = (v + term, abs + Math.Abs(term), terms + 2);
                    break;
                case PostOpKind.AddPerChannel:
                    // The add, and the operand's division by s_dst in a library working in the scaled domain.
                    var operand = (double)inputs.PostOps!.Operands[k]![oc];
                    (v, abs, terms) = (v + operand, abs + Math.Abs(operand), terms + 2);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(c), op.Kind, "unknown post-op");
            }
            if (between is not null && k < c.PostOps.Count - 1) v = between(v);
        }
        return (v, abs, terms);
    }
}
