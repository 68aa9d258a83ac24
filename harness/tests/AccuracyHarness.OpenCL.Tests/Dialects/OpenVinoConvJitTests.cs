using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Dialects.OpenVino;

namespace AccuracyHarness.OpenCL.Tests.Dialects;

/// <summary>The header of the rewrite's convolution stage in the OpenVINO dialect (OpenVinoJit.Convolution) and its range.</summary>
public partial class OpenVinoConvJitTests
{
    /// <summary>
    /// Every macro OpenVINO's reference convolution kernel (cl_kernels/convolution_gpu_ref.cl, without
    /// quantization or fused operations) reads, by name, beyond what fetch_data.cl and fetch_weights.cl define.
    /// </summary>
    private static readonly string[] ReferenceKernelMacros =
    [
        "KERNEL", "OPTIONAL_SHAPE_INFO_ARG", "INPUT0_TYPE", "OUTPUT_TYPE", "FILTER_TYPE", "BIAS_TERM", "OUTPUT_DIMS", "OUTPUT_SIZE_Y",
        "OUTPUT_FEATURE_NUM", "ACCUMULATOR_TYPE", "STRIDE_SIZE_X", "STRIDE_SIZE_Y", "STRIDE_SIZE_Z", "PADDING_SIZE_X", "PADDING_SIZE_Y",
        "PADDING_SIZE_Z", "GROUPED", "FILTER_OFM_NUM", "FILTER_IFM_NUM", "INPUT0_DIMS", "FILTER_SIZE_X", "FILTER_SIZE_Y",
        "FILTER_SIZE_Z", "DILATION_SIZE_X", "DILATION_SIZE_Y", "DILATION_SIZE_Z", "INPUT0_SIZE_X", "INPUT0_SIZE_Y", "INPUT0_SIZE_Z",
        "INPUT0_GET_INDEX", "FILTER_OFFSET", "FILTER_X_PITCH", "FILTER_Y_PITCH", "FILTER_Z_PITCH", "FILTER_IFM_PITCH",
        "FILTER_OFM_PITCH", "FILTER_GROUPS_PITCH", "TO_ACCUMULATOR_TYPE", "ACTIVATION_TYPE", "OUTPUT_GET_INDEX", "ACTIVATION_TYPED",
        "ACTIVATION_PARAMS_TYPED",
    ];

    [GeneratedRegex(@"^#define (\w+)(\([^)]*\))? ?(.*)$", RegexOptions.Multiline)]
    private static partial Regex Define();

    private static Dictionary<string, string> Macros(string id, IReplacementRule rule, OpenVinoPads pads, bool zeroInsertion = false)
    {
        var p = CaseId.Parse(id).Resolve();
        var plan = rule.Decide(p, zeroInsertion).Plan!;
        var padsBegin = Enumerable.Repeat(0L, 3 - plan.Conv.Rank).Concat(plan.Conv.PadsBegin.Select(v => pads.Convert(v))).ToArray();
        var header = OpenVinoJit.Convolution(p, plan, p.Case.Types.Destination, "my_conv", fp16Supported: false, padsBegin);
        return Define().Matches(header).ToDictionary(m => m.Groups[1].Value + m.Groups[2].Value, m => m.Groups[3].Value);
    }

    [TestCase("ic2_oc3_in4x5_k3x3_bias")]
    [TestCase("mb2_ic4_oc20_g2_in3_k2_blocked16")]
    [TestCase("ic2_oc2_in2x3x4_k2x2x2_nhwc_f16")]
    public void The_header_defines_every_macro_the_reference_kernel_reads(string id)
    {
        var names = Macros(id, ReplacementRules.Corrected, OpenVinoPads.Unsigned).Keys.Select(k => k.Split('(')[0]).ToHashSet();
        Assert.That(ReferenceKernelMacros.Where(m => !names.Contains(m)), Is.Empty);
        Assert.That(names.Contains("BIAS_PER_OFM"), Is.EqualTo(id.Contains("bias")), "a bias is per output feature");
    }

    [Test]
    public void A_grouped_case_gets_the_convolutions_input_filter_and_pads()
    {
        // Deconvolution 2x4x5x6 -> 2x6x6x7 with k 2x3, pb 1x0: the convolution has pads k-1-pb = 0, 2 and the flipped OIYX weights.
        var m = Macros("mb2_ic4_oc6_g2_in5x6_k2x3_pb1x0_pe0x1_bias", ReplacementRules.Corrected, OpenVinoPads.Unsigned);
        Assert.Multiple(() =>
        {
            Assert.That(m["KERNEL(name)"], Is.EqualTo("__kernel void my_conv"));
            Assert.That(m["OPTIONAL_SHAPE_INFO_ARG"], Is.Empty);
            Assert.That((m["INPUT0_SIZE_X"], m["INPUT0_SIZE_Y"], m["INPUT0_FEATURE_NUM"]), Is.EqualTo(("6", "5", "4")));
            Assert.That((m["OUTPUT_SIZE_X"], m["OUTPUT_SIZE_Y"], m["OUTPUT_FEATURE_NUM"]), Is.EqualTo(("7", "5", "6")));
            Assert.That(m["FILTER_LAYOUT_GOIYX"], Is.EqualTo("1"));
            Assert.That((m["FILTER_IFM_NUM"], m["FILTER_OFM_NUM"], m["FILTER_GROUPS_NUM"]), Is.EqualTo(("2", "3", "2")));
            Assert.That((m["FILTER_Y_PITCH"], m["FILTER_IFM_PITCH"], m["FILTER_OFM_PITCH"], m["FILTER_GROUPS_PITCH"]),
                Is.EqualTo(("3", "6", "12", "36")));
            Assert.That((m["STRIDE_SIZE_X"], m["STRIDE_SIZE_Y"], m["STRIDE_SIZE_Z"]), Is.EqualTo(("1", "1", "1")));
            Assert.That((m["PADDING_SIZE_X"], m["PADDING_SIZE_Y"], m["PADDING_SIZE_Z"]), Is.EqualTo(("2", "0", "0")));
            Assert.That(m["BIAS_GET_INDEX(b, f, y, x)"], Is.EqualTo("(0 + (f))"));
            Assert.That((m["BIAS_PER_OFM"], m["BIAS_PER_OUTPUT"]), Is.EqualTo(("1", "0")));
            Assert.That(m.ContainsKey("SKIP_BATCH"), Is.False, "batch 2");
            Assert.That(m["ACTIVATION_TYPED(input, params)"], Is.EqualTo("ACTIVATION_FUNC_TYPED(input, params)"));
            Assert.That(m["ACTIVATION_FUNC_TYPED(input, m, n)"], Is.EqualTo("input"));
            Assert.That(m.ContainsKey("DIM_ORDER_XYBF"), Is.False, "a deconvolution kernel's flag");
        });
    }

    [Test]
    public void The_openvino_2024_rule_drops_dilation_and_its_negative_pads_convert_as_asked()
    {
        // k 3x3, pb 4x1: pads (k-1) - |pb| = -2, 1; the deconvolution's dilation 2 is dropped.
        const string id = "ic2_oc2_in7x6_k3x3_d1x2_pb4x1";
        var unsigned = Macros(id, ReplacementRules.OpenVino2024, OpenVinoPads.Unsigned);
        Assert.That((unsigned["PADDING_SIZE_Y"], unsigned["PADDING_SIZE_X"]), Is.EqualTo(("4294967294", "1")));
        Assert.That((unsigned["DILATION_SIZE_Y"], unsigned["DILATION_SIZE_X"]), Is.EqualTo(("1", "1")));
        Assert.That(unsigned["SKIP_BATCH"], Is.EqualTo("1"));
        Assert.That(Macros(id, ReplacementRules.OpenVino2024, OpenVinoPads.Clamp)["PADDING_SIZE_Y"], Is.EqualTo("0"));
        Assert.That(Macros(id, ReplacementRules.OpenVino2024, OpenVinoPads.Signed)["PADDING_SIZE_Y"], Is.EqualTo("-2"));
        Assert.That(Macros(id, ReplacementRules.Corrected, OpenVinoPads.Unsigned)["DILATION_SIZE_X"], Is.EqualTo("2"));
    }

    [Test]
    public void With_zero_insertion_the_input_is_the_spread_one()
    {
        var m = Macros("ic2_oc2_in3x4_k2x2_s2x3", ReplacementRules.Corrected, OpenVinoPads.Unsigned, zeroInsertion: true);
        Assert.That((m["INPUT0_SIZE_Y"], m["INPUT0_SIZE_X"], m["INPUT0_Y_PITCH"]), Is.EqualTo(("5", "10", "10")));
    }

    [TestCase("mb2_ic4_oc6_g2_in5x6_k2x3", new long[] { 8, 6, 12 })]
    [TestCase("ic2_oc3_in2x3x4_k2x2x2", new long[] { 5, 12, 3 })]
    [TestCase("ic2_oc5_in7_k3_blocked16", new long[] { 9, 1, 5 })]
    public void The_range_is_convolution_gpu_refs(string id, long[] global) =>
        Assert.That(OpenVinoJit.ConvolutionRange(CaseId.Parse(id).Resolve()), Is.EqualTo(global));
}
