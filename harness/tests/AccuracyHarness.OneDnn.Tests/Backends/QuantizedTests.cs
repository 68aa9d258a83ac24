using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Results;
using AccuracyHarness.OneDnn.Backends;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.OneDnn.Tests.Backends;

/// <summary>
/// int8, bf16 and post-op cases on both oneDNN backends (README "oneDNN backends"): the mapping of the contract onto
/// oneDNN 2.x's scaled domain passes within the admissible sets, and what oneDNN 2.6 refuses is n/a with the reason.
/// </summary>
public class QuantizedTests
{
    private static readonly OneDnnDeconvolutionBackend Deconvolution = new(OneDnnOptions.Default);
    private static readonly OneDnnReplacedBackend Replaced = new(OneDnnOptions.Default with { ZeroInsertion = true });

    /// <summary>Every type but f16 (n/a without --onednn-f16-as-f32, tested elsewhere), every zero point, scale and post-op.</summary>
    private static readonly CaseSpace Space = CaseSpace.EveryType with
    {
        DataTypes = [.. CaseTypes.All.Where(t => t != CaseTypes.F16)],
        MaxGroups = 2,
        MaxChannelsPerGroup = 3,
    };

    [SetUp]
    public void Library() => OneDnnTesting.Require();

    [TestCase("ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8u8_zps3_zpd3_sw-pc_po-relu+sum0.5_nhwc")]
    [TestCase("ic16_oc16_in7x7_k3x3_s2x2_bias_s8s8s8_zps-3_zpd-3_po-relu+add-pc_nhwc")]
    [TestCase("ic4_oc4_in5x5_k3x3_s2x2_pb1x1_bias_s8s8f32_zps-2_po-clip-1to6")]
    [TestCase("ic5_oc3_in4x4_k3x3_s2x2_bias_u8s8s32_sw-pc_blocked16")]
    [TestCase("ic16_oc16_in7x7_k3x3_bias_bf16_nhwc_po-sum0.5")]
    [TestCase("ic16_oc16_in7x7_k3x3_bias_bf16bf16f32_blocked16_po-leaky0.25+add-pc")]
    [TestCase("ic4_oc4_in5x5_k3x3_bias_f32_po-clip-1to6+sum0.5+leaky0.1")]
    public void BothBackendsMatchTheReference(string id)
    {
        foreach (var backend in new OneDnnBackend[] { Deconvolution, Replaced })
        {
            var (output, result) = OneDnnTesting.Evaluate(backend, id);
            Assert.That(output, Is.TypeOf<BackendOutput.Produced>(), () => $"{backend.Name}: {output}");
            Assert.That(result.Status, Is.EqualTo(Status.Pass), () => $"{backend.Name}: {OneDnnTesting.Describe(result)}");
            Assert.That(result.Impl, Is.Not.Empty);
        }
    }

    /// <summary>oneDNN 2.6's attributes take a common source zero point only: per-channel ones are n/a, saying so.</summary>
    [Test]
    public void PerChannelSourceZeroPointsAreRefusedWithTheReason()
    {
        var (output, _) = OneDnnTesting.Evaluate(Deconvolution, "ic3_oc4_in5x5_k3x3_u8s8u8_zps-pc");
        Assert.That(output, Is.TypeOf<BackendOutput.NotApplicable>());
        Assert.That(((BackendOutput.NotApplicable)output).Reason,
            Does.Contain("refuses the attributes of u8s8u8, source zero point per channel").And.Contain("dnnl_primitive_attr_set_zero_points"));
    }

    /// <summary>
    /// The int8 JIT deconvolution's zero-point padding defect (<see cref="OneDnnZeroPointPadding"/>) is named exactly
    /// where it reaches: outputs two or more past the input's reach with a source zero point; one past, or no zero
    /// point, is computed right and not flagged.
    /// </summary>
    [TestCase("mb1_ic1_oc1_g1_in1x1_k1x1_s3x1_d1x2_pb0x0_pe0x0_op2x0_ap-same-lower_nobias_u8s8u8_zps-pc_sw-pc_nhwc_exact_seed911704", true)]
    [TestCase("ic3_oc4_in5x5_k1x1_s3x3_op2x2_u8s8u8_zps3_nhwc", true)]
    [TestCase("mb1_ic1_oc1_g1_in1x1_k1x1_s3x1_d1x2_pb0x0_pe0x0_op1x0_ap-same-lower_nobias_u8s8u8_zps-pc_sw-pc_nhwc_exact_seed911704", false)]
    [TestCase("ic3_oc4_in5x5_k1x1_s3x3_op2x2_u8s8u8_nhwc", false)]
    public void ZeroPointPaddingDefectIsNamedWhereItReaches(string id, bool reaches)
    {
        var (output, result) = OneDnnTesting.Evaluate(Deconvolution, id);
        Assert.That(output, Is.TypeOf<BackendOutput.Produced>(), () => output.ToString());
        var produced = (BackendOutput.Produced)output;
        Assert.That(produced.Impl, Does.StartWith("jit_deconvolution").Or.StartWith("jit_uni_deconv"), "the defect's implementations");
        if (reaches)
        {
            Assert.That(produced.KnownIssues.Select(k => k.Text), Has.One.StartsWith(OneDnnZeroPointPadding.Prefix));
            Assert.That(result.Status == Status.Pass || result.Diagnosis.Kind == DiagnosisKind.KnownIssue, () => OneDnnTesting.Describe(result));
        }
        else
        {
            Assert.That(produced.KnownIssues, Is.Empty);
            Assert.That(result.Status, Is.EqualTo(Status.Pass), () => OneDnnTesting.Describe(result));
        }
    }

    /// <summary>
    /// Over generated cases of every type, zero point, scale and post-op: a pass, or n/a for what oneDNN refuses
    /// (per-channel source zero points, padding_r, a rule's limits) with the reason, or a result flagged with oneDNN's
    /// zero-point padding defect (its unwritten outputs may happen to pass); never an unflagged failure.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property PassOrRefuseWithTheReason() =>
        Prop.ForAll(CaseGen.Arbitrary(Space), c =>
            new OneDnnBackend[] { Deconvolution, Replaced }.All(backend =>
            {
                var (output, result) = OneDnnTesting.Evaluate(backend, c.Id);
                return output switch
                {
                    BackendOutput.NotApplicable na => Refusals.Any(na.Reason.Contains),
                    BackendOutput.Produced { KnownIssues.Length: > 0 } known =>
                        known.KnownIssues.All(k => k.Text.StartsWith(OneDnnZeroPointPadding.Prefix, StringComparison.Ordinal))
                        && (result.Status == Status.Pass || result.Diagnosis.Kind == DiagnosisKind.KnownIssue),
                    _ => result.Status == Status.Pass,
                };
            }));

    private static readonly string[] Refusals =
    [
        "refuses the attributes", "padding_r = pads_end - output_padding", "rule corrected", "has no implementation",
        "refuses this convolution", "does not fit",
    ];
}
