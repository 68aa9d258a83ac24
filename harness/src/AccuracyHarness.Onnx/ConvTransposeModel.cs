using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Onnx.Schema;
using Google.Protobuf;

namespace AccuracyHarness.Onnx;

/// <summary>
/// A ConvTranspose model built from a resolved problem: plus Cast nodes for f16 via f32, QDQ nodes for a quantized
/// case, the post-ops' nodes after it.
/// <see cref="Feeds"/> lists the graph inputs to feed at run time in order, each with the case
/// tensor it takes.
/// </summary>
public sealed record ConvTransposeModel(ModelProto Model, IReadOnlyList<(string Name, CaseTensor Tensor)> Feeds)
{
    public const string X = "X";
    public const string W = "W";
    public const string B = "B";
    public const string Y = "Y";

    /// <summary>The destination's prior content, a graph input of a model whose post-ops have a sum.</summary>
    public const string S = "S";

    public const string Producer = "AccuracyHarness";

    /// <summary>IR version 8 goes with opsets up to 17; later opsets need a later IR version.</summary>
    private static long IrVersionFor(int opset) => opset <= 17 ? 8 : opset <= 20 ? 9 : 10;

    /// <summary>
    /// Builds the model. Weights and bias go in as initializers when <paramref name="inputs"/> says
    /// so (it is needed then), else as graph inputs. Every ConvTranspose attribute that the case
    /// sets is written: kernel_shape, strides, dilations, group, output_padding and auto_pad always;
    /// pads only with auto_pad NOTSET and no output_shape (the operator ignores them otherwise);
    /// output_shape when the case gives one. A quantized case is the QDQ graph around a float
    /// ConvTranspose (<see cref="QdqNodes"/>), post-ops follow the ConvTranspose
    /// (<see cref="PostOpNodes"/>); both need <paramref name="inputs"/> for their constants.
    /// </summary>
    public static ConvTransposeModel Build(Problem problem, ConvTransposeModelOptions options, CaseInputs? inputs = null)
    {
        var c = problem.Case;
        var minimum = c.Types.IsQuantized ? ConvTransposeModelOptions.MinimumQuantizedOpset : ConvTransposeModelOptions.MinimumOpset;
        if (options.Opset < minimum)
            throw new ArgumentOutOfRangeException(nameof(options), $"opset {options.Opset} is below {minimum}");
        var quantization = c.Types.IsQuantized
            ? inputs?.Quantization ?? throw new ArgumentNullException(nameof(inputs), "a quantized model needs the case's scales")
            : null;
        var casts = c.Types.Destination == DataType.F16 && options.F16ViaCasts;
        // The type ConvTranspose and the post-ops compute in: f32 but for an f16 model without Casts.
        var computeType = quantization is not null || casts ? DataType.F32 : c.Types.Destination;

        var g = new GraphWriter(new GraphProto { Name = "deconvolution" });
        var feeds = new List<(string, CaseTensor)>();
        var parameters = new List<(string Name, CaseTensor Tensor, Dims Shape, DataType Type)>
        {
            (X, CaseTensor.Input, problem.InputShape, c.Types.Source),
            (W, CaseTensor.Weights, problem.WeightShape, c.Types.Weights),
        };
        // A quantized case's bias is f32; a float case's is of its type.
        if (c.HasBias) parameters.Add((B, CaseTensor.Bias, problem.BiasShape, quantization is null ? c.Types.Destination : DataType.F32));

        var nodeInputs = new List<string>();
        foreach (var (name, which, shape, type) in parameters)
        {
            if (which != CaseTensor.Input && options.Weights == WeightsSource.Initializer)
            {
                var tensor = (inputs ?? throw new ArgumentNullException(nameof(inputs), "initializer weights need the case inputs"))
                    .Get(which)
                    ?? throw new ArgumentException($"the case has a bias but the inputs do not", nameof(inputs));
                g.Constant(OnnxTensors.ToProto(name, tensor));
            }
            else
            {
                g.Input(name, OnnxTensors.ElementType(type), shape);
                feeds.Add((name, which));
            }
            nodeInputs.Add((quantization, which) switch
            {
                ({ } q, CaseTensor.Input) => QdqNodes.Source(g, c, q, name),
                ({ } q, CaseTensor.Weights) => QdqNodes.Weights(g, c, q, name),
                _ => casts ? Cast(g, name, DataType.F32) : name,
            });
        }

        var attributes = new List<AttributeProto>
        {
            GraphWriter.Ints("kernel_shape", c.Kernel.Select(v => (long)v)),
            GraphWriter.Ints("strides", c.Strides.Select(v => (long)v)),
            GraphWriter.Ints("dilations", c.Dilations.Select(v => (long)v)),
            GraphWriter.Int("group", c.Groups),
            GraphWriter.Ints("output_padding", c.OutputPadding.Select(v => (long)v)),
            GraphWriter.Text("auto_pad", Names.Of(c.AutoPad)),
        };
        if (c.OutputShape is { } os)
            attributes.Add(GraphWriter.Ints("output_shape", os.Select(v => (long)v)));
        else if (c.AutoPad == AutoPad.NotSet)
            attributes.Add(GraphWriter.Ints("pads", c.PadsBegin.Concat(c.PadsEnd).Select(v => (long)v)));
        var value = g.Node(ConvTransposeReader.OpType, "deconvolution", nodeInputs, [.. attributes]);

        string? prior = null;
        string Prior()
        {
            if (prior is not null) return prior;
            g.Input(S, OnnxTensors.ElementType(c.Types.Destination), problem.OutputShape);
            feeds.Add((S, CaseTensor.SumPrior));
            return prior = quantization is { } q && c.Types.IntegerDestination ? QdqNodes.Prior(g, c, q, S)
                : casts ? Cast(g, S, DataType.F32)
                : S;
        }
        value = PostOpNodes.Append(g, problem, inputs?.PostOps, computeType, value, Prior);

        if (quantization is { } dq && c.Types.IntegerDestination) value = QdqNodes.Destination(g, c, dq, value);
        else if (casts) value = Cast(g, value, DataType.F16);
        g.Rename(value, Y);

        // The output's shape is left for the runtime to infer, so that a runtime whose shape rule
        // differs from the case's still runs and the difference shows up in the comparison.
        g.Graph.Output.Add(new ValueInfoProto
        {
            Name = Y,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = OnnxTensors.ElementType(c.Types.Destination) } },
        });

        var model = new ModelProto
        {
            IrVersion = IrVersionFor(options.Opset),
            ProducerName = Producer,
            Graph = g.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
        return new ConvTransposeModel(model, feeds);
    }

    public byte[] ToBytes() => Model.ToByteArray();

    private static string Cast(GraphWriter g, string name, DataType to) =>
        g.Node("Cast", $"{name}_{Names.Of(to)}", [name], GraphWriter.Int("to", OnnxTensors.ElementType(to)));
}
