using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OneDnn.Backends;
using AccuracyHarness.OneDnn.Interop;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OneDnn.Tests.Backends;

public class DeconvolutionBackendTests
{
    private static readonly OneDnnDeconvolutionBackend Backend = new(OneDnnOptions.Default);

    [SetUp]
    public void Library() => OneDnnTesting.Require();

    /// <summary>The mapping onto oneDNN, feature by feature, against the reference.</summary>
    [TestCase("mb2_ic4_oc6_in5x5_k3x3_s2x2_pb1x1_pe1x1_bias", Description = "stride, pads, bias")]
    [TestCase("mb1_ic3_oc5_in6x5_k3x2_d2x3_pb1x2_pe2x0", Description = "dilation: oneDNN's is ONNX's minus 1")]
    [TestCase("mb1_ic4_oc4_in5x5_k3x3_s2x3_pb1x0_pe0x1_op1x2", Description = "output_padding into padding_r")]
    [TestCase("mb1_ic2_oc2_in5x5_k3x3_s3x2_pb0x0_pe1x0_op2x1", Description = "padding_r = pe - op negative, down to -(s-1)")]
    [TestCase("mb1_ic6_oc4_g2_in4x5_k3x3_s2x1_pb1x1_pe1x1_bias", Description = "groups: giohw")]
    [TestCase("mb1_ic6_oc6_g6_in5x5_k3x3_s1x1_pb1x1_pe1x1", Description = "depthwise")]
    [TestCase("mb2_ic3_oc4_in7_k3_s2_d2_pb2_pe1_op1_bias", Description = "1-D: iow")]
    [TestCase("mb1_ic4_oc6_g2_in7_k2_s3_pb1_pe0", Description = "1-D grouped: giow")]
    [TestCase("mb1_ic2_oc3_in3x4x3_k2x3x2_s2x1x2_pb0x1x1_pe1x1x0_bias", Description = "3-D: iodhw")]
    [TestCase("mb1_ic4_oc2_g2_in3x3x4_k3x2x2_s1x2x1_d2x1x1_pb1x0x0_pe1x0x1_op0x1x0", Description = "3-D grouped: giodhw")]
    [TestCase("mb2_ic5_oc3_in5x4_k3x3_s2x2_pb1x1_pe0x1_nhwc_bias", Description = "nhwc")]
    [TestCase("mb1_ic3_oc5_in6_k3_s2_nhwc", Description = "nwc")]
    [TestCase("mb1_ic2_oc3_in3x3x3_k3x3x3_s2x2x2_pb1x1x1_pe1x1x1_nhwc_bias", Description = "ndhwc")]
    [TestCase("mb2_ic20_oc18_in5x4_k3x3_s2x2_pb1x1_pe1x1_blocked16_bias", Description = "nChw16c, tail blocks")]
    [TestCase("mb1_ic3_oc5_in7_k3_s2_pb1_blocked16", Description = "nCw16c")]
    [TestCase("mb1_ic17_oc3_in3x3x3_k2x2x2_s2x2x2_blocked16", Description = "nCdhw16c")]
    [TestCase("mb1_ic4_oc4_in5x5_k3x3_s2x2_os10x10_ap-same-lower", Description = "output_shape")]
    [TestCase("mb1_ic4_oc4_in5x5_k3x3_s2x2_pb1x1_exact", Description = "exact fill: bit for bit")]
    public void MatchesTheReference(string id)
    {
        var (output, result) = OneDnnTesting.Evaluate(Backend, id);
        Assert.That(output, Is.TypeOf<BackendOutput.Produced>(), () => $"{output}");
        Assert.That(result.Status, Is.EqualTo(Status.Pass), () => OneDnnTesting.Describe(result));
        Assert.That(result.Impl, Is.Not.Empty);
    }

    /// <summary>Over generated f32 cases of every rank, layout and feature: a pass, or n/a only where oneDNN refuses padding_r.</summary>
    [FsCheck.NUnit.Property(MaxTest = 120)]
    public Property PassesOrIsRefusedForPaddingROnly() =>
        Prop.ForAll(CaseGen.Arbitrary(new CaseSpace { DataTypes = [CaseTypes.F32] }), c =>
        {
            var (output, result) = OneDnnTesting.Evaluate(Backend, c.Id);
            return output is BackendOutput.NotApplicable na
                ? na.Reason.Contains("padding_r = pads_end - output_padding") && na.Reason.Contains("dnnl_invalid_arguments")
                : result.Status == Status.Pass;
        });

    [Test]
    public void BlockedCasesRunOnNChw16cWithAJitImplementation()
    {
        var (output, result) = OneDnnTesting.Evaluate(Backend, "mb1_ic20_oc20_in6x6_k3x3_s1x1_pb1x1_pe1x1_blocked16");
        var produced = (BackendOutput.Produced)output;
        Assert.That(result.Status, Is.EqualTo(Status.Pass), () => OneDnnTesting.Describe(result));
        Assert.That(produced.Note, Does.Contain("nChw16c"));
        Assert.That(produced.Impl, Does.StartWith("jit:"), "a blocked layout should get a JIT implementation, not the reference one");
        Assert.That(produced.NonZeroPaddingLanes, Is.Zero, "oneDNN zeroes the 12 padding lanes of the tail block");
    }

    /// <summary>
    /// The padding-lane check sees what a primitive leaves in the lanes: an nChw16c output that no
    /// primitive wrote still holds the NaN poison in all its lanes, and the judge fails such an output.
    /// </summary>
    [Test]
    public void APaddingLaneWriteIsCaught()
    {
        var problem = CaseId.Parse("mb1_ic2_oc3_in3x3_k2x2_blocked16").Resolve();
        var layout = DataLayout.ForOutput(problem);
        using var run = new OneDnnRun(OneDnnFamily.Engine, f16AsF32: false);
        var md = run.Md(OneDnnLayouts.ActivationDims(1, 3, problem.Output), DataType.F32, DnnlTag.NChw16c);
        var unwritten = run.Poisoned(md);
        var (tensor, lanes) = run.Download(unwritten, md, layout, DnnlTag.NChw16c, null, DataType.F32);
        Assert.That(lanes, Is.EqualTo(13 * problem.Output.Product()));

        var inputs = Fill.For(problem);
        var written = new BackendOutput.Produced(
            ((BackendOutput.Produced)Backend.Run(problem, inputs, default)).Output, [], [], lanes);
        var result = OneDnnTesting.Evaluate(Backend, problem, inputs, written);
        Assert.That(result.Status, Is.EqualTo(Status.Fail));
        Assert.That(result.Message, Does.Contain($"{lanes} padding lane(s) of the blocked output are not zero"));
        Assert.That(tensor.Data, Has.All.NaN);
    }

    [Test]
    public void F16IsNotApplicableWithOneDnnsReasonUnlessRunInF32()
    {
        const string id = "mb1_ic4_oc4_in5x5_k3x3_s2x2_pb1x1_nhwc_f16_bias";
        var (output, _) = OneDnnTesting.Evaluate(Backend, id);
        Assert.That(output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)output).Reason, Does.Contain("has no f16 deconvolution on the CPU")
            .And.Contain("dnnl_primitive_desc_create failed with dnnl_unimplemented").And.Contain("--onednn-f16-as-f32"));

        var inF32 = new OneDnnDeconvolutionBackend(OneDnnOptions.Default with { F16AsF32 = true });
        var (converted, result) = OneDnnTesting.Evaluate(inF32, id);
        Assert.That(result.Status, Is.EqualTo(Status.Pass), () => OneDnnTesting.Describe(result));
        Assert.That(((BackendOutput.Produced)converted).Note, Does.Contain("computed in f32 between oneDNN reorders"));
    }

    [Test]
    public void AnOutputPaddingBeyondStrideMinusOneIsRefusedWithTheMapping()
    {
        var (output, _) = OneDnnTesting.Evaluate(Backend, "mb1_ic2_oc2_in5x5_k3x3_s1x1_d3x2_op2x1");
        Assert.That(output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)output).Reason,
            Does.Contain("padding_r = pads_end - output_padding = -2x-1").And.Contain("dnnl_invalid_arguments"));
    }

    [Test]
    public void WinogradIsNotApplicableWhereOneDnnHasNone()
    {
        var backend = new OneDnnDeconvolutionBackend(OneDnnOptions.Default with { Winograd = true });
        var (output, _) = OneDnnTesting.Evaluate(backend, "mb1_ic3_oc5_in7_k3_s2_nhwc");
        Assert.That(output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)output).Reason,
            Does.StartWith("oneDNN has no winograd deconvolution").And.Contain("dnnl_unimplemented"));
        Assert.That(backend.ReproArguments, Is.EqualTo("--onednn-algorithm winograd"));
    }
}
