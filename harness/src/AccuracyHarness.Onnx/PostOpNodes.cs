using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Onnx;

/// <summary>
/// A case's post-ops as ONNX nodes on the real value, in order (README "ONNX Runtime"): Relu, LeakyRelu(alpha),
/// Clip(min, max), sum as Add(v, Mul(prior, scale)), add-pc as Add(v, operand[1, M, 1...]).
/// </summary>
internal static class PostOpNodes
{
    /// <param name="type">The type the values are computed in (f32, or f16 for an f16 model without Casts).</param>
    /// <param name="prior">The destination's prior content as a real value of that type (asked for only by a sum).</param>
    public static string Append(GraphWriter g, Problem p, PostOpInputs? inputs, DataType type, string value, Func<string> prior)
    {
        var ops = p.Case.PostOps;
        for (var k = 0; k < ops.Count; k++)
        {
            var op = ops[k];
            var name = $"post{k}_{op.Kind.ToString().ToLowerInvariant()}";
            string Constant(string what, float v) => g.Constant($"{name}_{what}", type, [v]);
            value = op.Kind switch
            {
                PostOpKind.Relu => g.Node("Relu", name, [value]),
                PostOpKind.Leaky => g.Node("LeakyRelu", name, [value], GraphWriter.Float("alpha", op.A)),
                PostOpKind.Clip => g.Node("Clip", name, [value, Constant("min", op.A), Constant("max", op.B)]),
                PostOpKind.Sum => g.Node("Add", name, [value, g.Node("Mul", name + "_scaled", [prior(), Constant("scale", op.A)])]),
                PostOpKind.AddPerChannel => g.Node("Add", name, [value, g.Constant(name + "_operand", type, Operand(inputs, k),
                    [1, p.Case.OutChannels, .. Enumerable.Repeat(1L, p.Case.Rank)])]),
                _ => throw new ArgumentOutOfRangeException(nameof(p), op.Kind, "unknown post-op"),
            };
        }
        return value;
    }

    private static float[] Operand(PostOpInputs? inputs, int k) =>
        inputs?.Operands[k]
        ?? throw new ArgumentNullException(nameof(inputs), $"post-op {k} (add-pc) needs its operand from the case inputs");
}
