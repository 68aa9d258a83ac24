using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Fills;

/// <summary>
/// The operands of a case's post-ops, from its seed: the destination's previous content for <c>sum</c> (integers
/// around the zero point for integer destinations, values of the real values' spread otherwise) and a per-channel
/// operand for each <c>add-pc</c>. Exact fills of float cases use small integers, so that sums stay exact.
/// </summary>
public static class PostOpFill
{
    public static PostOpInputs? For(Problem p, double realSpread, Quantization? quantization)
    {
        var c = p.Case;
        if (c.PostOps.IsNone) return null;
        var exact = c.Fill == FillMode.Exact && quantization is null;
        var prior = c.PostOps.Has(PostOpKind.Sum) ? SumPrior(p, exact, realSpread, quantization) : null;
        var operands = c.PostOps.Select((op, index) => op.Kind == PostOpKind.AddPerChannel
            ? Enumerable.Range(0, c.OutChannels).Select(oc =>
            {
                var bits = Fill.Bits(c.Seed, (ulong)Fill.Tag.Operands + (ulong)index, oc);
                return exact ? Fill.Integer(bits, -4, 4) : (float)(Fill.UniformSigned(bits) * realSpread);
            }).ToArray()
            : null).ToArray();
        return new PostOpInputs(prior, operands);
    }

    private static Tensor SumPrior(Problem p, bool exact, double realSpread, Quantization? quantization)
    {
        var c = p.Case;
        var type = c.Types.Destination;
        var data = new float[p.OutputShape.Product()];
        var spread = type == DataType.S32 ? 250 : 32;
        for (var i = 0; i < data.Length; i++)
        {
            var bits = Fill.Bits(c.Seed, (ulong)Fill.Tag.SumPrior, i);
            data[i] = CaseTypes.IsInteger(type)
                ? Tensor.Saturate((quantization?.DestinationZeroPoint ?? 0) + Fill.Integer(bits, -spread, spread), type)
                : exact ? Fill.Integer(bits, -4, 4) : Tensor.Round(Fill.UniformSigned(bits) * realSpread, type);
        }
        return new Tensor(p.OutputShape, data, type);
    }
}
