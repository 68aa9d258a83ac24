using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// How a case's scales, zero points, bias and post-ops are handed to oneDNN 2.x (README "oneDNN backends"). oneDNN 2.x
/// computes <c>dst = post_ops(oscale * (acc + bias))</c> in the destination's scaled domain, then adds the destination
/// zero point and saturates, with <c>acc = sum (src - zp_src) * w</c> (padding counting as the zero point). The
/// contract's <c>real = acc * s_src * s_wei[oc] + bias[oc]</c>, post-ops on the real value, then <c>real / s_dst</c>
/// maps onto it exactly with <c>oscale = s_src * s_wei[oc] / s_dst</c>, <c>bias' = bias / (s_src * s_wei[oc])</c>,
/// clip bounds and add operands divided by <c>s_dst</c>, and sum with the destination's zero point (its scale
/// unchanged, since the prior value and the result share the destination's domain). An f32 destination holds the real
/// value: <c>s_dst = 1</c>, no zero point. The mapping's own f32 roundings (oscale, bias', the divided constants) are
/// within the roundings <see cref="Epilogue"/> counts. The correct mapping is <see cref="Of"/>; mutants hold faulty ones.
/// </summary>
/// <param name="OutputScales">One, or one per output channel; null for float cases (no scales).</param>
/// <param name="Bias">The bias as oneDNN adds it (before the output scales); null without a bias.</param>
/// <param name="SourceZeroPoints">One, or one per input channel; null when the source's zero point is 0.</param>
/// <param name="DestinationZeroPoint">Added after the post-ops (integer destinations); 0 for none.</param>
public sealed record EpilogueMapping(
    float[]? OutputScales, float[]? Bias, int[]? SourceZeroPoints, int DestinationZeroPoint, IReadOnlyList<MappedPostOp> PostOps)
{
    /// <summary>Scales or zero points per channel: oneDNN's mask naming the channel dimension (1 &lt;&lt; 1).</summary>
    private const int PerChannel = 1 << 1;

    public static EpilogueMapping Of(Problem p, CaseInputs inputs) => For(p, inputs, rescaleBias: true);

    /// <param name="rescaleBias">False plants the fault of handing the real bias to oneDNN, which then scales it.</param>
    internal static EpilogueMapping For(Problem p, CaseInputs inputs, bool rescaleBias)
    {
        var c = p.Case;
        var q = inputs.Quantization;
        var requantization = Epilogue.RequantizationOf(c, q);
        var destinationScale = (double)(requantization?.Scale ?? 1f);
        double Scale(int oc) => (double)q!.SourceScale * q.WeightScale(oc);

        var outputScales = q?.WeightScales.Select((_, oc) => (float)(Scale(oc) / destinationScale)).ToArray();
        var bias = inputs.Bias?.Data;
        if (q is not null && bias is not null && rescaleBias) bias = bias.Select((b, oc) => (float)(b / Scale(oc))).ToArray();
        var zeroPoints = q is null || q.SourceZeroPoints.All(z => z == 0) ? null : q.SourceZeroPoints;

        var postOps = c.PostOps.Select((op, k) => op.Kind switch
        {
            PostOpKind.Clip => new MappedPostOp(op.Kind, (float)(op.A / destinationScale), (float)(op.B / destinationScale), null),
            PostOpKind.AddPerChannel => new MappedPostOp(op.Kind, 0, 0,
                inputs.PostOps!.Operands[k]!.Select(v => (float)(v / destinationScale)).ToArray()),
            _ => new MappedPostOp(op.Kind, op.A, op.B, null),
        }).ToArray();
        return new EpilogueMapping(outputScales, bias, zeroPoints, requantization?.ZeroPoint ?? 0, postOps);
    }

    /// <summary>Sets the scales, runtime zero points and post-ops on <paramref name="attr"/>.</summary>
    /// <param name="rank">The spatial rank, which shapes a binary operand ([1, OC, 1...]).</param>
    internal void Set(DnnlAttrHandle attr, int rank)
    {
        if (OutputScales is { } scales) Dnnl.SetOutputScales(attr, scales, scales.Length == 1 ? 0 : PerChannel);
        if (SourceZeroPoints is { } zp) Dnnl.SetRuntimeZeroPoints(attr, DnnlArg.Src, zp.Length, zp.Length == 1 ? 0 : PerChannel);
        if (DestinationZeroPoint != 0) Dnnl.SetRuntimeZeroPoints(attr, DnnlArg.Dst, 1, 0);
        if (PostOps.Count == 0) return;
        Dnnl.SetPostOps(attr, chain =>
        {
            foreach (var op in PostOps)
            {
                switch (op.Kind)
                {
                    case PostOpKind.Relu:
                        Dnnl.AppendEltwise(chain, Dnnl.EltwiseRelu, 0, 0);
                        break;
                    case PostOpKind.Leaky:
                        Dnnl.AppendEltwise(chain, Dnnl.EltwiseRelu, op.A, 0);
                        break;
                    case PostOpKind.Clip:
                        Dnnl.AppendEltwise(chain, Dnnl.EltwiseClip, op.A, op.B);
                        break;
                    case PostOpKind.Sum:
                        Dnnl.AppendSum(chain, op.A, DestinationZeroPoint);
                        break;
                    case PostOpKind.AddPerChannel:
                        Dnnl.AppendBinary(chain, Dnnl.BinaryAdd, OperandMd(op.Operand!.Length, rank));
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(attr), op.Kind, "no oneDNN post-op");
                }
            }
        });
    }

    /// <summary>The execution arguments the attributes ask for: runtime zero points and binary operands.</summary>
    internal IEnumerable<(int Arg, DnnlMemoryHandle Memory)> Arguments(OneDnnRun run, int rank)
    {
        if (SourceZeroPoints is { } zp) yield return (DnnlArg.ZeroPoints(DnnlArg.Src), Integers(run, zp));
        if (DestinationZeroPoint != 0) yield return (DnnlArg.ZeroPoints(DnnlArg.Dst), Integers(run, [DestinationZeroPoint]));
        for (var k = 0; k < PostOps.Count; k++)
        {
            if (PostOps[k].Operand is { } operand) yield return (DnnlArg.PostOpOperand(k), run.Filled(operand, OperandMd(operand.Length, rank)));
        }
    }

    private static DnnlMemoryHandle Integers(OneDnnRun run, int[] values) =>
        run.Filled([.. values.Select(v => (float)v)], Dnnl.MemoryDesc([values.Length], DnnlDataType.S32, DnnlTag.X));

    /// <summary>A per-channel operand broadcast over batch and space: dims [1, OC, 1...], plain.</summary>
    private static DnnlMemoryDesc OperandMd(int channels, int rank) =>
        Dnnl.MemoryDesc(OneDnnLayouts.ActivationDims(1, channels, Dims.From(Enumerable.Repeat(1, rank))), DnnlDataType.F32,
            OneDnnLayouts.Activations(LayoutFamily.Nchw, rank));
}
