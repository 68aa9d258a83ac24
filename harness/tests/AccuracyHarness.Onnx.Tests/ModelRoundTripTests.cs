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
    ];

    private static IEnumerable<TestCaseData> Sources() =>
        from id in Cases
        from source in Enum.GetValues<WeightsSource>()
        from casts in new[] { false, true }
        where !casts || id.EndsWith("f16", StringComparison.Ordinal)
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
            Assert.That(fed, Is.EqualTo(new[] { ConvTransposeModel.X }));
            var w = OnnxTensors.FromProto(parsed.Graph.Initializer.Single(i => i.Name == ConvTransposeModel.W));
            Assert.That(w.Data, Is.EqualTo(inputs.Weights.Data));
            Assert.That(w.Shape, Is.EqualTo(inputs.Weights.Shape));
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
}
