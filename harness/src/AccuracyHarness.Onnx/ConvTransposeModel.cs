using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Onnx.Schema;
using Google.Protobuf;

namespace AccuracyHarness.Onnx;

/// <summary>
/// A one-node ConvTranspose model built from a resolved problem (plus Cast nodes for f16 via f32).
/// <see cref="Feeds"/> lists the graph inputs to feed at run time in order, each with the case
/// tensor it takes.
/// </summary>
public sealed record ConvTransposeModel(ModelProto Model, IReadOnlyList<(string Name, CaseTensor Tensor)> Feeds)
{
    public const string X = "X";
    public const string W = "W";
    public const string B = "B";
    public const string Y = "Y";
    public const string Producer = "AccuracyHarness";

    /// <summary>IR version 8 goes with opsets up to 17; later opsets need a later IR version.</summary>
    private static long IrVersionFor(int opset) => opset <= 17 ? 8 : opset <= 20 ? 9 : 10;

    /// <summary>
    /// Builds the model. Weights and bias go in as initializers when <paramref name="inputs"/> says
    /// so (it is needed then), else as graph inputs. Every ConvTranspose attribute that the case
    /// sets is written: kernel_shape, strides, dilations, group, output_padding and auto_pad always;
    /// pads only with auto_pad NOTSET and no output_shape (the operator ignores them otherwise);
    /// output_shape when the case gives one.
    /// </summary>
    public static ConvTransposeModel Build(Problem problem, ConvTransposeModelOptions options, CaseInputs? inputs = null)
    {
        if (options.Opset < ConvTransposeModelOptions.MinimumOpset)
            throw new ArgumentOutOfRangeException(nameof(options),
                $"opset {options.Opset} is below {ConvTransposeModelOptions.MinimumOpset}");
        var c = problem.Case;
        var edgeType = OnnxTensors.ElementType(c.Types.Destination);
        var casts = c.Types.Destination == DataType.F16 && options.F16ViaCasts;
        var computeType = casts ? OnnxTensors.ElementType(DataType.F32) : edgeType;

        var graph = new GraphProto { Name = "deconvolution" };
        var feeds = new List<(string, CaseTensor)>();
        var parameters = new List<(string Name, CaseTensor Tensor, Dims Shape)>
        {
            (X, CaseTensor.Input, problem.InputShape),
            (W, CaseTensor.Weights, problem.WeightShape),
        };
        if (c.HasBias) parameters.Add((B, CaseTensor.Bias, problem.BiasShape));

        var nodeInputs = new List<string>();
        foreach (var (name, which, shape) in parameters)
        {
            var constant = which != CaseTensor.Input && options.Weights == WeightsSource.Initializer;
            if (constant)
            {
                var tensor = (inputs ?? throw new ArgumentNullException(nameof(inputs), "initializer weights need the case inputs"))
                    .Get(which)
                    ?? throw new ArgumentException($"the case has a bias but the inputs do not", nameof(inputs));
                graph.Initializer.Add(OnnxTensors.ToProto(name, tensor));
            }
            else
            {
                graph.Input.Add(Value(name, edgeType, shape));
                feeds.Add((name, which));
            }
            nodeInputs.Add(casts ? AddCast(graph, name, computeType) : name);
        }

        var convOutput = casts ? Y + "_f32" : Y;
        var node = new NodeProto { OpType = "ConvTranspose", Name = "deconvolution", Domain = "" };
        node.Input.AddRange(nodeInputs);
        node.Output.Add(convOutput);
        node.Attribute.Add(Ints("kernel_shape", c.Kernel));
        node.Attribute.Add(Ints("strides", c.Strides));
        node.Attribute.Add(Ints("dilations", c.Dilations));
        node.Attribute.Add(Int("group", c.Groups));
        node.Attribute.Add(Ints("output_padding", c.OutputPadding));
        node.Attribute.Add(new AttributeProto
        {
            Name = "auto_pad",
            Type = AttributeProto.Types.AttributeType.String,
            S = ByteString.CopyFromUtf8(Names.Of(c.AutoPad)),
        });
        if (c.OutputShape is { } os)
            node.Attribute.Add(Ints("output_shape", os));
        else if (c.AutoPad == AutoPad.NotSet)
            node.Attribute.Add(Ints("pads", Dims.From(c.PadsBegin.Concat(c.PadsEnd))));
        graph.Node.Add(node);
        if (casts) graph.Node.Add(CastNode(convOutput, Y, edgeType));

        // The output's shape is left for the runtime to infer, so that a runtime whose shape rule
        // differs from the case's still runs and the difference shows up in the comparison.
        graph.Output.Add(new ValueInfoProto { Name = Y,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = edgeType } } });

        var model = new ModelProto
        {
            IrVersion = IrVersionFor(options.Opset),
            ProducerName = Producer,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
        return new ConvTransposeModel(model, feeds);
    }

    public byte[] ToBytes() => Model.ToByteArray();

    private static string AddCast(GraphProto graph, string name, int to)
    {
        var output = name + "_f32";
        graph.Node.Add(CastNode(name, output, to));
        return output;
    }

    private static NodeProto CastNode(string input, string output, int to)
    {
        var node = new NodeProto { OpType = "Cast", Name = "cast_" + input, Domain = "" };
        node.Input.Add(input);
        node.Output.Add(output);
        node.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = to });
        return node;
    }

    private static ValueInfoProto Value(string name, int elementType, Dims shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.AddRange(shape.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elementType, Shape = tensorShape } },
        };
    }

    private static AttributeProto Ints(string name, IEnumerable<int> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values.Select(v => (long)v));
        return attribute;
    }

    private static AttributeProto Int(string name, int value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };
}
