using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Dialects.OpenVino;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Tests.Dialects;

public partial class OpenVinoJitTests
{
    /// <summary>
    /// Every macro OpenVINO's reference deconvolution kernel (cl_kernels/deconvolution_gpu_ref.cl)
    /// reads, by name: with these defined, that file builds with the user's fetch_data.cl.
    /// </summary>
    private static readonly string[] ReferenceKernelMacros =
    [
        "KERNEL", "INPUT0_TYPE", "OUTPUT_TYPE", "FILTER_TYPE", "BIAS_TERM", "ACCUMULATOR_TYPE", "ACCUMULATOR_VAL_ZERO",
        "OUTPUT_SIZE_X", "OUTPUT_SIZE_Y", "OUTPUT_SIZE_Z", "OUTPUT_FEATURE_NUM", "INPUT0_BATCH_NUM",
        "PADDING_SIZE_X", "PADDING_SIZE_Y", "PADDING_SIZE_Z", "FILTER_SIZE_X", "FILTER_SIZE_Y", "FILTER_SIZE_Z",
        "GROUPED", "FILTER_OFM_NUM", "FILTER_IFM_NUM", "FILTER_GROUPS_PITCH", "FILTER_OFM_PITCH", "FILTER_IFM_PITCH",
        "FILTER_X_PITCH", "FILTER_Y_PITCH", "FILTER_Z_PITCH", "INPUT0_FEATURE_PITCH", "INPUT0_OFFSET", "INPUT0_BATCH_PITCH",
        "INPUT0_SIZE_X", "INPUT0_SIZE_Y", "INPUT0_SIZE_Z", "STRIDE_SIZE_X", "STRIDE_SIZE_Y", "STRIDE_SIZE_Z",
        "INPUT0_SIMPLE", "INPUT0_X_PITCH", "INPUT0_Y_PITCH", "INPUT0_Z_PITCH", "INPUT0_DIMS", "INPUT0_GET_INDEX",
        "TO_ACCUMULATOR_TYPE", "ACTIVATION_TYPE", "TO_ACTIVATION_TYPE", "ACTIVATION", "ACTIVATION_PARAMS",
        "TO_OUTPUT_TYPE", "OUTPUT_DIMS", "OUTPUT_GET_INDEX",
    ];

    [GeneratedRegex(@"^#define (\w+)(\([^)]*\))? (.*)$", RegexOptions.Multiline)]
    private static partial Regex Define();

    private static Dictionary<string, string> Macros(string id, WeightsOrder weights = WeightsOrder.Oiyx, bool referenceDispatch = true)
    {
        var p = CaseId.Parse(id).Resolve();
        var header = OpenVinoJit.Deconvolution(p, p.Case.Types.Destination, weights, "my_entry", fp16Supported: false, referenceDispatch);
        return Define().Matches(header).ToDictionary(m => m.Groups[1].Value + m.Groups[2].Value, m => m.Groups[3].Value);
    }

    [TestCase("ic2_oc3_in4x5_k3x3_bias")]
    [TestCase("mb2_ic4_oc20_g2_in3_k2_s2_blocked16")]
    [TestCase("ic2_oc2_in2x3x4_k2x2x2_nhwc_f16")]
    public void The_header_defines_every_macro_the_reference_kernel_reads(string id)
    {
        var names = Macros(id).Keys.Select(k => k.Split('(')[0]).ToHashSet();
        Assert.That(ReferenceKernelMacros.Where(m => !names.Contains(m)), Is.Empty);
        Assert.That(names.Contains("BIAS_TYPE"), Is.EqualTo(id.Contains("bias")), "BIAS_* only with a bias, as BIAS_TERM says");
    }

    [Test]
    public void A_grouped_plain_case_has_pitches_sizes_and_the_deconvolution_values()
    {
        // Input 2x4x5x6, output 10x12: s*(in-1) + (k-1)*d + 1 - pb - pe per axis.
        var m = Macros("mb2_ic4_oc6_g2_in5x6_k3x2_s2x2_d1x2_pb1x0_pe0x1_bias");
        Assert.Multiple(() =>
        {
            Assert.That(m["KERNEL(name)"], Is.EqualTo("__kernel void my_entry"));
            Assert.That(m["FUNC_CALL(name)"], Is.EqualTo("_##name##_my_entry"));
            Assert.That(m["INPUT0_X_PITCH"], Is.EqualTo("1"));
            Assert.That(m["INPUT0_Y_PITCH"], Is.EqualTo("6"));
            Assert.That(m["INPUT0_FEATURE_PITCH"], Is.EqualTo("30"));
            Assert.That(m["INPUT0_BATCH_PITCH"], Is.EqualTo("120"));
            Assert.That(m["INPUT0_GET_INDEX(b, f, y, x)"], Is.EqualTo("GET_DATA_INDEX(INPUT0, b, f, y, x)"));
            Assert.That(m["INPUT0_LAYOUT_BFYX"], Is.EqualTo("1"));
            Assert.That(m["OUTPUT_SIZE_X"], Is.EqualTo("12"));
            Assert.That(m["OUTPUT_SIZE_Y"], Is.EqualTo("10"));
            Assert.That(m["FILTER_LAYOUT_GOIYX"], Is.EqualTo("1"));
            Assert.That(m["FILTER_IFM_NUM"], Is.EqualTo("2"));
            Assert.That(m["FILTER_OFM_NUM"], Is.EqualTo("3"));
            Assert.That(m["FILTER_IFM_PITCH"], Is.EqualTo("6"));
            Assert.That(m["FILTER_OFM_PITCH"], Is.EqualTo("12"));
            Assert.That(m["FILTER_GROUPS_PITCH"], Is.EqualTo("36"));
            Assert.That(m["GROUPED"], Is.EqualTo("1"));
            Assert.That((m["STRIDE_SIZE_X"], m["DILATION_SIZE_X"], m["DILATION_SIZE_Y"]), Is.EqualTo(("2", "2", "1")));
            Assert.That((m["PADDING_SIZE_Y"], m["PADDING_SIZE_X"], m["PADDING_SIZE_Z"]), Is.EqualTo(("1", "0", "0")));
            Assert.That(m["BIAS_GET_INDEX(b, f, y, x)"], Is.EqualTo("(0 + (f))"));
            Assert.That(m["ACCUMULATOR_TYPE"], Is.EqualTo("float"));
            Assert.That(m.ContainsKey("DIM_ORDER_XYBF"), Is.True, "batch*features = 12 <= 16");
        });
    }

    [Test]
    public void Blocked_and_channels_last_layouts_use_their_own_index_macros_and_pitches()
    {
        var blocked = Macros("ic2_oc18_in3x4_k1x1_blocked16_f16");
        Assert.That(blocked["OUTPUT_GET_INDEX(b, f, y, x)"], Is.EqualTo("GET_DATA_B_FS_YX_FSV16_INDEX(OUTPUT, b, f, y, x)"));
        Assert.That(blocked["OUTPUT_SIMPLE"], Is.EqualTo("0"));
        Assert.That(blocked["OUTPUT_BATCH_PITCH"], Is.EqualTo((4 * 3 * 32).ToString()), "features rounded up to 16");
        Assert.That(blocked["ACCUMULATOR_TYPE"], Is.EqualTo("half"), "OpenVINO accumulates an f16 deconvolution in half");
        Assert.That(blocked.ContainsKey("DIM_ORDER_XYBF"), Is.False, "batch*features = 18 > 16");

        var nhwc = Macros("ic3_oc2_in2x3x4_k1x1x1_nhwc");
        Assert.That(nhwc["INPUT0_GET_INDEX(b, f, z, y, x)"], Is.EqualTo("GET_DATA_INDEX_5D(INPUT0, b, f, z, y, x)"));
        Assert.That((nhwc["INPUT0_FEATURE_PITCH"], nhwc["INPUT0_X_PITCH"], nhwc["INPUT0_Y_PITCH"], nhwc["INPUT0_Z_PITCH"]),
            Is.EqualTo(("1", "3", "12", "36")));
        Assert.That(nhwc["FILTER_LAYOUT_OIZYX"], Is.EqualTo("1"));
    }

    [Test]
    public void The_range_follows_the_reference_kernel()
    {
        var narrow = OpenVinoJit.ReferenceRange(CaseId.Parse("mb2_ic3_oc8_in5x6_k3x3").Resolve());
        Assert.That(narrow.Global, Is.EqualTo(new long[] { 32, 7, 16 }));
        Assert.That(narrow.Local, Is.EqualTo(new long[] { 32, 1, 1 }));
        var wide = OpenVinoJit.ReferenceRange(CaseId.Parse("mb3_ic3_oc9_in5x6x2_k3x3x1").Resolve());
        Assert.That(wide.Global, Is.EqualTo(new long[] { 27, 2, 7 * 8 }));
        Assert.That(wide.Local, Is.EqualTo(new long[] { 27, 1, 1 }), "the largest divisor of 27 up to 32");
        Assert.That(Macros("mb3_ic3_oc9_in5x6x2_k3x3x1", referenceDispatch: false).ContainsKey("DIM_ORDER_XYBF"), Is.False);
    }
}
