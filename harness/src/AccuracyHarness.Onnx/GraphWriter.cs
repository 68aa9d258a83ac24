using AccuracyHarness.Core.Cases;
using AccuracyHarness.Onnx.Schema;
using Google.Protobuf;

namespace AccuracyHarness.Onnx;

/// <summary>
/// Appends nodes, constants and graph inputs to a graph under the caller's names, so that builders read as the graph does.
/// </summary>
internal sealed class GraphWriter(GraphProto graph)
{
    public GraphProto Graph => graph;

    /// <summary>A node of the default domain with one output; returns the output's name.</summary>
    public string Node(string op, string output, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output, Domain = "" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    /// <summary>A constant of a harness type (dims empty: a scalar); returns its name.</summary>
    public string Constant(string name, DataType type, IReadOnlyList<float> values, params long[] dims) =>
        Constant(OnnxTensors.ToProto(name, type, values, dims));

    public string Constant(TensorProto tensor)
    {
        graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>An int64 vector constant (Reshape's shape).</summary>
    public string Longs(string name, IEnumerable<long> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.AddRange(values);
        tensor.Dims.Add(tensor.Int64Data.Count);
        return Constant(tensor);
    }

    public void Input(string name, int elementType, Dims shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.AddRange(shape.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        graph.Input.Add(new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = tensorShape } },
        });
    }

    /// <summary>Renames the value <paramref name="from"/> to <paramref name="to"/> where its node writes it (the graph's output).</summary>
    public void Rename(string from, string to)
    {
        if (from == to) return;
        var node = graph.Node.Single(n => n.Output.Contains(from));
        node.Output[node.Output.IndexOf(from)] = to;
    }

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
}
