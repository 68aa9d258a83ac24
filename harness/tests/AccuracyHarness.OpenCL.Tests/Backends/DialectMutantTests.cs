using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Results;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Backends;

/// <summary>
/// The built-in mutants' faults planted in the OpenVINO-dialect example (cases/kernels/openvino-deconv):
/// each is caught and named as it is for the project's own kernels, through the dialect's macros.
/// </summary>
public class DialectMutantTests
{
    private const string FilterIndex = "uint filter_idx = filter_base + kz * FILTER_Z_PITCH + ky * FILTER_Y_PITCH + kx * FILTER_X_PITCH;";
    private const string Bias = "value += TO_ACTIVATION_TYPE(bias[BIAS_GET_INDEX(0, feature, 0, 0)]);";

    private static IEnumerable<TestCaseData> Mutants()
    {
        yield return Mutant(FaultCatalogue.WeightsNotFlipped, "mb2_ic2_oc3_in4x4_k3x2_s2x2_pb1x0_bias",
            (FilterIndex, "uint filter_idx = filter_base + (FILTER_SIZE_Z - 1 - kz) * FILTER_Z_PITCH"
                + " + (FILTER_SIZE_Y - 1 - ky) * FILTER_Y_PITCH + (FILTER_SIZE_X - 1 - kx) * FILTER_X_PITCH;"));
        // The filter read as if it were IOYX: the transposed reorder's mirror image, the same fault when C/G = M/G.
        yield return Mutant(FaultCatalogue.ChannelsNotSwapped, "ic6_oc6_g2_in3x4_k2x2_s2x1",
            ("ofm * FILTER_OFM_PITCH;", "ofm * FILTER_IFM_PITCH;"),
            ("filter_idx += FILTER_IFM_PITCH;", "filter_idx += FILTER_OFM_NUM * FILTER_IFM_PITCH;"));
        yield return Mutant(FaultCatalogue.DilationDropped, "ic2_oc2_in4x4_k3x2_d2x2_pb1x1",
            ("(int)(kz * DILATION_SIZE_Z)", "(int)kz"),
            ("(int)(ky * DILATION_SIZE_Y)", "(int)ky"),
            ("(int)(kx * DILATION_SIZE_X)", "(int)kx"));
        yield return Mutant(FaultCatalogue.PadBeginOffByOne, "ic2_oc3_in4x5_k3x3_s2x2_pb1x1_pe1x1",
            ("(int)out_x + PADDING_SIZE_X", "(int)out_x + PADDING_SIZE_X + 1"));
        yield return Mutant(FaultCatalogue.GroupOffsetWrong, "ic4_oc6_g2_in3x3_k2x2_s2x2",
            ("const uint in_f = group * FILTER_IFM_NUM + ifm;",
                "const uint in_f = group * FILTER_OFM_NUM + ifm;\n                    if (in_f >= INPUT0_FEATURE_NUM) continue;"));
        yield return Mutant(FaultCatalogue.BiasMissing, "ic2_oc3_in3x3_k3x3_s2x2_bias", (Bias, ""));
        yield return Mutant(FaultCatalogue.BiasDoubled, "ic2_oc3_in3x3_k3x3_s2x2_bias",
            (Bias, "value += 2 * TO_ACTIVATION_TYPE(bias[BIAS_GET_INDEX(0, feature, 0, 0)]);"));
        yield return Mutant(FaultCatalogue.LayoutMisread, "ic3_oc2_in3x4_k2x2_s2x1_nhwc",
            ("INPUT0_GET_INDEX(batch, in_f, in_y, in_x)",
                "(((batch * INPUT0_FEATURE_NUM + in_f) * INPUT0_SIZE_Y + in_y) * INPUT0_SIZE_X + in_x)"));
    }

    private static TestCaseData Mutant(string expected, string id, params (string From, string To)[] patches) =>
        new TestCaseData(expected, id, patches).SetArgDisplayNames(expected);

    [TestCaseSource(nameof(Mutants))]
    public void A_planted_fault_is_caught_and_named(string expected, string id, (string From, string To)[] patches)
    {
        var backend = ShippedKernels.Changed("openvino-deconv", TestDevices.Pocl, "deconv_ov_style.cl", patches);
        var run = CaseRun.Of(backend, CaseId.Parse(id));

        Assert.That(run.Metrics.Passed, Is.False, run.Describe());
        var result = run.Result;
        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.FaultModel), result.Diagnosis.Text);
        Assert.That(result.Diagnosis.FaultModel, Is.EqualTo(expected), result.Diagnosis.Text);
    }
}
