using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Onnx.Schema;

namespace AccuracyHarness.Onnx.Tests;

public class ModelRoundTripTests
{
    private static readonly string[] Cases =
    [
        "mb2_ic4_oc6_g2_in5x4_k3x2_s2x1_d1x2_pb1x0_pe0x1_op1x0_bias_f32",
        "mb1_ic3_oc2_in7_k4_s3_op2_nobias_f32",
        "mb1_ic2_oc2_in3x3x2_k2x3x1_s1x2x2_d2x1x1_ap-valid_bias_f32",
        "mb1_ic1_oc1_in3x3_k3x3_s2x2_ap-same-upper_f32",
        "mb1_ic1_oc3_in4x5_k3x3_s2x2_ap-same-lower_op1x1_f16",
        "mb1_ic2_oc4_g2_in3x3_k3x3_s3x2_os10x8_op1x1_bias_f32",
        "mb1_ic1_oc1_in3x3_k3x3_s2x2_os9x9_ap-same-upper_f16",
        "mb1_ic4_oc6_g2_in5x4_k3x3_s2x2_bias_u8s8u8_zps-pc_zpd3_sw-pc_po-relu+sum0.5",
        "mb2_ic2_oc4_in5_k3_s2_op1_s8s8f32_zps-2_po-leaky0.25+add-pc+clip-2to3",
        "mb1_ic4_oc4_g2_in3x3x2_k2x2x2_s8s8s8_zpd-5_sw-pc",
        "mb1_ic3_oc2_in4x4_k2x2_s2x2_bias_u8s8s8_zps7",
        "mb1_ic3_oc3_in4x4_k2x2_bias_f32_po-clip-1to6+sum",
        "mb1_ic2_oc2_in4x4_k3x3_s2x2_bias_f16_po-relu+sum0.5+add-pc",
    ];

    private static IEnumerable<TestCaseData> Sources() =>
        from id in Cases
        from source in Enum.GetValues<WeightsSource>()
        from casts in new[] { false, true }
        where !casts || id.Contains("_f16", StringComparison.Ordinal)
        select new TestCaseData(id, source, casts);

    [TestCaseSource(nameof(Sources))]
    public void BuildSerializeParseReadsBackTheSameCase(string id, WeightsSource source, bool casts)
    {
        var original = CaseId.Parse(id);
        var problem = original.Resolve();
        var inputs = Fill.For(problem);
        var built = ConvTransposeModel.Build(problem, new ConvTransposeModelOptions { Weights = source, F16ViaCasts = casts }, inputs);

        var parsed = ModelProto.Parser.ParseFrom(built.ToBytes());
        Assert.That(ConvTransposeReader.ReadCase(parsed), Is.EqualTo(original));

        var fed = built.Feeds.Select(f => f.Name).ToList();
        Assert.That(ConvTransposeReader.RuntimeInputs(parsed.Graph), Is.EqualTo(fed));
        if (source == WeightsSource.Initializer)
        {
            var prior = original.PostOps.Has(PostOpKind.Sum) ? new[] { ConvTransposeModel.S } : [];
            Assert.That(fed, Is.EqualTo(new[] { ConvTransposeModel.X }.Concat(prior)));
            var w = OnnxTensors.FromProto(parsed.Graph.Initializer.Single(i => i.Name == ConvTransposeModel.W));
            Assert.That(w.Data, Is.EqualTo(inputs.Weights.Data));
            Assert.That(w.Shape, Is.EqualTo(inputs.Weights.Shape));
            Assert.That(w.StorageType, Is.EqualTo(inputs.Weights.StorageType));
        }
        Assert.That(parsed.OpsetImport.Single().Version, Is.GreaterThanOrEqualTo(ConvTransposeModelOptions.MinimumOpset));
    }

    [Test]
    public void OutputShapeMayBeGivenAsTheFullShape()
    {
        var problem = CaseId.Parse("mb1_ic1_oc2_in3x3_k3x3_s3x2_os10x8_op1x1").Resolve();
        var model = ConvTransposeModel.Build(problem, new ConvTransposeModelOptions { Weights = WeightsSource.GraphInput }).Model;
        var attribute = ConvTransposeReader.FindNode(model).Attribute.Single(a => a.Name == "output_shape");
        attribute.Ints.Clear();
        attribute.Ints.AddRange([1, 2, 10, 8]);
        Assert.That(ConvTransposeReader.ReadCase(model), Is.EqualTo(problem.Case));
    }

    [Test]
    public void LeftOutAttributesTakeTheOperatorDefaults()
    {
        var problem = CaseId.Parse("mb1_ic2_oc3_in4x4_k2x3").Resolve();
        var model = ConvTransposeModel.Build(problem, new ConvTransposeModelOptions { Weights = WeightsSource.GraphInput }).Model;
        ConvTransposeReader.FindNode(model).Attribute.Clear();
        Assert.That(ConvTransposeReader.ReadCase(model), Is.EqualTo(problem.Case), "kernel_shape from W, all else default");
    }

    [Test]
    public void F16TensorsKeepTheirBitsThroughTheProto()
    {
        var problem = CaseId.Parse("mb1_ic2_oc2_in3x3_k2x2_bias_f16").Resolve();
        var inputs = Fill.For(problem);
        var bytes = Google.Protobuf.MessageExtensions.ToByteArray(OnnxTensors.ToProto("x", inputs.Input));
        var back = OnnxTensors.FromProto(TensorProto.Parser.ParseFrom(bytes));
        Assert.That(back.Data, Is.EqualTo(inputs.Input.Data));
        Assert.That(back.StorageType, Is.EqualTo(DataType.F16));
    }

    /// <summary>The QDQ graph's nodes in order, as README "ONNX Runtime" states them, for a grouped case with per-channel scales.</summary>
    [Test]
    public void AQuantizedModelIsTheQdqGraphAroundAFloatConvTranspose()
    {
        var problem = CaseId.Parse("mb1_ic4_oc6_g2_in5x4_k3x3_s2x2_bias_u8s8u8_zps-pc_zpd3_sw-pc_po-relu+leaky0.5+clip-1to6+sum0.5+add-pc")
            .Resolve();
        var inputs = Fill.For(problem);
        var model = ConvTransposeModel.Build(problem, new ConvTransposeModelOptions(), inputs).Model;
        Assert.That(model.Graph.Node.Select(n => n.OpType), Is.EqualTo(new[]
        {
            "DequantizeLinear",
            "Reshape", "Transpose", "Reshape", "DequantizeLinear", "Reshape", "Transpose", "Reshape",
            "ConvTranspose",
            "Relu", "LeakyRelu", "Clip", "DequantizeLinear", "Mul", "Add", "Add",
            "QuantizeLinear",
        }));
        var q = inputs.Quantization!;
        float[] Constant(string name) => OnnxTensors.FromProto(model.Graph.Initializer.Single(i => i.Name == name)).Data;
        Assert.That(Constant("x_zero_point"), Is.EqualTo(q.SourceZeroPoints.Select(z => (float)z)));
        Assert.That(Constant("w_scale"), Is.EqualTo(q.WeightScales));
        Assert.That(Constant("y_zero_point"), Is.EqualTo(new[] { 3f }));
        Assert.That(model.Graph.Output.Single().Type.TensorType.ElemType, Is.EqualTo(OnnxTensors.ElementType(DataType.U8)));
    }

    [TestCase(DataType.U8)]
    [TestCase(DataType.S8)]
    [TestCase(DataType.BF16)]
    public void TensorsOfEveryWrittenTypeKeepTheirValuesThroughTheProto(DataType type)
    {
        float[] values = type == DataType.BF16 ? [1.5f, -0.0078125f, 0.1015625f, 65536f]
            : type == DataType.U8 ? [0, 1, 128, 255]
            : [-128, -1, 0, 127];
        var tensor = new Core.Tensors.Tensor(Dims.From([2, 2]), values, type);
        var back = OnnxTensors.FromProto(TensorProto.Parser.ParseFrom(
            Google.Protobuf.MessageExtensions.ToByteArray(OnnxTensors.ToProto("t", tensor))));
        Assert.That((back.Data, back.StorageType), Is.EqualTo((values, type)));
    }
}
