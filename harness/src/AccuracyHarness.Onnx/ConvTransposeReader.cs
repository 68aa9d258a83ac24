using System.Text;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Onnx.Schema;

namespace AccuracyHarness.Onnx;

/// <summary>
/// Reads the ConvTranspose node of a model back into a case, with the operator's defaults for
/// every attribute left out: strides and dilations 1, pads and output_padding 0, group 1,
/// auto_pad NOTSET, kernel_shape from W's spatial dims. output_shape may be given spatial-only
/// or as the full N, C, spatial shape. Shapes of X and W come from initializers or from the
/// graph inputs' declared types.
/// </summary>
public static class ConvTransposeReader
{
    public const string OpType = "ConvTranspose";

    public static NodeProto FindNode(ModelProto model)
    {
        var nodes = model.Graph.Node.Where(n => n.OpType == OpType && (n.Domain is "" or "ai.onnx")).ToList();
        return nodes.Count == 1
            ? nodes[0]
            : throw new InvalidDataException($"the model has {nodes.Count} {OpType} nodes, expected exactly one");
    }

    /// <summary>The case the model's ConvTranspose node computes (seed, fill and layout take the harness's defaults).</summary>
    public static DeconvCase ReadCase(ModelProto model)
    {
        var node = FindNode(model);
        if (node.Input.Count < 2)
            throw new InvalidDataException($"{OpType} needs inputs X and W, the node has {node.Input.Count}");
        var graph = model.Graph;
        var (xType, x) = ShapeOf(graph, Origin(graph, node.Input[0]));
        var (wType, w) = ShapeOf(graph, Origin(graph, node.Input[1]));
        var rank = x.Count - 2;
        if (rank < 1 || w.Count != x.Count)
            throw new InvalidDataException($"{OpType}: X has shape {x} and W {w}; both need the same rank of at least 3");

        var attributes = node.Attribute.ToDictionary(a => a.Name, StringComparer.Ordinal);
        Dims Spatial(string name, int fallback)
        {
            if (!attributes.TryGetValue(name, out var a)) return Dims.Fill(rank, fallback);
            return a.Ints.Count == rank
                ? Dims.From(a.Ints.Select(v => checked((int)v)))
                : throw new InvalidDataException($"{OpType} attribute {name} has {a.Ints.Count} values for {rank} spatial axes");
        }

        var group = attributes.TryGetValue("group", out var g) ? checked((int)g.I) : 1;
        var autoPad = AutoPad.NotSet;
        if (attributes.TryGetValue("auto_pad", out var ap))
        {
            var text = Encoding.UTF8.GetString(ap.S.Span);
            if (!Names.TryParseAutoPad(text, out autoPad))
                throw new InvalidDataException($"{OpType} auto_pad '{text}' is not NOTSET, SAME_UPPER, SAME_LOWER or VALID");
        }

        Dims? outputShape = null;
        if (attributes.TryGetValue("output_shape", out var os))
        {
            var values = os.Ints.Select(v => checked((int)v)).ToList();
            outputShape = values.Count == rank ? Dims.From(values)
                : values.Count == rank + 2 ? Dims.From(values.Skip(2))
                : throw new InvalidDataException(
                    $"{OpType} output_shape has {values.Count} values; expected {rank} (spatial) or {rank + 2}");
        }

        var pads = Dims.Fill(2 * rank, 0);
        if (attributes.TryGetValue("pads", out var p))
        {
            if (p.Ints.Count != 2 * rank)
                throw new InvalidDataException($"{OpType} pads has {p.Ints.Count} values for {rank} spatial axes");
            pads = Dims.From(p.Ints.Select(v => checked((int)v)));
        }
        // With output_shape the operator derives the pads itself and ignores the attribute.
        if (outputShape is not null) pads = Dims.Fill(2 * rank, 0);

        var c = DeconvCase.Create(
            inChannels: x[1],
            outChannels: w[1] * group,
            input: Dims.From(x.Skip(2)),
            kernel: attributes.ContainsKey("kernel_shape") ? Spatial("kernel_shape", 1) : Dims.From(w.Skip(2)),
            batch: x[0],
            groups: group,
            strides: Spatial("strides", 1),
            dilations: Spatial("dilations", 1),
            padsBegin: Dims.From(pads.Take(rank)),
            padsEnd: Dims.From(pads.Skip(rank)),
            outputPadding: Spatial("output_padding", 0),
            autoPad: autoPad,
            outputShape: outputShape,
            hasBias: node.Input.Count > 2 && node.Input[2].Length > 0,
            types: TypesOf(graph, xType, wType));
        return QuantizedGraphReader.Complete(graph, node, c);
    }

    /// <summary>
    /// The types of X, W and the graph's output (X's when the output declares none), as a configuration the harness knows.
    /// </summary>
    private static CaseTypes TypesOf(GraphProto graph, int xType, int wType)
    {
        var yType = graph.Output.Count == 1 && graph.Output[0].Type?.TensorType?.ElemType is > 0 and var t ? t : xType;
        var types = new CaseTypes(OnnxTensors.FromElementType(xType, $"{OpType} input X"),
            OnnxTensors.FromElementType(wType, $"{OpType} input W"), OnnxTensors.FromElementType(yType, "the graph's output"));
        return CaseTypes.All.Contains(types)
            ? types
            : throw new InvalidDataException(
                $"X, W and the output of types {types.Name} are not a configuration; one of: {CaseTypes.Choices}");
    }

    /// <summary>Graph inputs that are fed at run time, in order (older models also list their initializers as inputs).</summary>
    public static IReadOnlyList<string> RuntimeInputs(GraphProto graph)
    {
        var constants = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return graph.Input.Select(i => i.Name).Where(n => !constants.Contains(n)).ToList();
    }

    /// <summary>
    /// The graph input or initializer behind a value, following the nodes that convert it without computing: Cast (f16
    /// models computed in f32), DequantizeLinear (QDQ models) and the Reshape and Transpose of regrouped weights.
    /// </summary>
    public static string Origin(GraphProto graph, string name)
    {
        while (Producer(graph, name) is { OpType: "Cast" or "DequantizeLinear" or "Reshape" or "Transpose" } node)
            name = node.Input[0];
        return name;
    }

    /// <summary>The node that writes a value; null for graph inputs and initializers.</summary>
    public static NodeProto? Producer(GraphProto graph, string name) => graph.Node.FirstOrDefault(n => n.Output.Contains(name));

    private static (int ElementType, Dims Shape) ShapeOf(GraphProto graph, string name)
    {
        var initializer = graph.Initializer.FirstOrDefault(i => i.Name == name);
        if (initializer is not null)
            return (initializer.DataType, Dims.From(initializer.Dims.Select(d => checked((int)d))));
        var value = graph.Input.FirstOrDefault(i => i.Name == name)
            ?? throw new InvalidDataException($"'{name}' is neither a graph input nor an initializer");
        var tensorType = value.Type?.TensorType ?? throw new InvalidDataException($"graph input '{name}' is not a tensor");
        var dims = tensorType.Shape?.Dim ?? throw new InvalidDataException($"graph input '{name}' has no declared shape");
        if (dims.Any(d => d.ValueCase != TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue))
            throw new InvalidDataException($"graph input '{name}' has a symbolic dimension; a case needs static shapes");
        return (tensorType.ElemType, Dims.From(dims.Select(d => checked((int)d.DimValue))));
    }
}
