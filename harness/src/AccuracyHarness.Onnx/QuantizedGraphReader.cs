using AccuracyHarness.Core.Cases;
using AccuracyHarness.Onnx.Schema;

namespace AccuracyHarness.Onnx;

/// <summary>
/// Reads back what <see cref="QdqNodes"/> and <see cref="PostOpNodes"/> write around a ConvTranspose: the source's zero
/// point (none, one, or one per channel), per-channel weight scales, the destination's zero point, and the chain of
/// post-op nodes after the ConvTranspose up to the QuantizeLinear, Cast or graph output that ends it.
/// </summary>
internal static class QuantizedGraphReader
{
    public static DeconvCase Complete(GraphProto graph, NodeProto convolution, DeconvCase c)
    {
        var post = PostOpsAfter(graph, convolution.Output[0], out var end);
        if (!c.Types.IsQuantized) return c with { PostOps = post };
        var source = Dequantizer(graph, convolution.Input[0]);
        var zeroPoints = source.Input.Count > 2 ? Values(graph, source.Input[2]) : [0f];
        var weights = Dequantizer(graph, convolution.Input[1]);
        return c with
        {
            SourceZeroPoint = zeroPoints.Length > 1 ? new ZeroPoint(0, PerChannel: true) : new ZeroPoint((int)zeroPoints[0], false),
            PerChannelWeightScales = Values(graph, weights.Input[1]).Length > 1,
            DestinationZeroPoint = end is { OpType: "QuantizeLinear" } q && q.Input.Count > 2 ? (int)Values(graph, q.Input[2])[0] : 0,
            PostOps = post,
        };
    }

    /// <summary>The DequantizeLinear behind a ConvTranspose input (through the Reshape and Transpose of regrouped weights).</summary>
    private static NodeProto Dequantizer(GraphProto graph, string value)
    {
        var node = ConvTransposeReader.Producer(graph, value);
        while (node is { OpType: "Reshape" or "Transpose" }) node = ConvTransposeReader.Producer(graph, node.Input[0]);
        return node is { OpType: "DequantizeLinear" }
            ? node
            : throw new InvalidDataException($"ConvTranspose input '{value}' of a quantized model does not come from a DequantizeLinear");
    }

    private static PostOps PostOpsAfter(GraphProto graph, string value, out NodeProto? end)
    {
        var ops = new List<PostOp>();
        while (true)
        {
            var consumers = graph.Node.Where(n => n.Input.Contains(value)).ToList();
            end = consumers.SingleOrDefault();
            if (end is null || Read(graph, end, value) is not { } op) return new PostOps(ops);
            ops.Add(op);
            value = end.Output[0];
        }
    }

    /// <summary>The post-op a node applies to <paramref name="value"/>; null for a node that is not one.</summary>
    private static PostOp? Read(GraphProto graph, NodeProto node, string value)
    {
        switch (node.OpType)
        {
            case "Relu":
                return new PostOp(PostOpKind.Relu);
            case "LeakyRelu":
                // The operator's default alpha is 0.01.
                return new PostOp(PostOpKind.Leaky, node.Attribute.FirstOrDefault(a => a.Name == "alpha")?.F ?? 0.01f);
            case "Clip":
                return new PostOp(PostOpKind.Clip, Values(graph, node.Input[1])[0], Values(graph, node.Input[2])[0]);
            case "Add":
                var other = node.Input[0] == value ? node.Input[1] : node.Input[0];
                if (graph.Initializer.Any(i => i.Name == other)) return new PostOp(PostOpKind.AddPerChannel);
                return ConvTransposeReader.Producer(graph, other) is { OpType: "Mul" } mul
                    ? new PostOp(PostOpKind.Sum, mul.Input.Select(i => graph.Initializer.FirstOrDefault(t => t.Name == i))
                        .OfType<TensorProto>().Select(t => OnnxTensors.FromProto(t).Data[0]).Single())
                    : throw new InvalidDataException($"Add node '{node.Name}' adds neither a constant (add-pc) nor a scaled prior (sum)");
            default:
                return null;
        }
    }

    private static float[] Values(GraphProto graph, string name) =>
        OnnxTensors.FromProto(graph.Initializer.FirstOrDefault(i => i.Name == name)
            ?? throw new InvalidDataException($"'{name}' is not a constant (an initializer)")).Data;
}
