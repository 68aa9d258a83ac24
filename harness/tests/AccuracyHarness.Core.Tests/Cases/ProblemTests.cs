using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Tests.Cases;

public class ProblemTests
{
    [Test]
    public void Output_size_follows_the_onnx_formula()
    {
        // out = s*(in-1) + op + (k-1)*d + 1 - pb - pe = 2*4 + 1 + 2*2 + 1 - 1 - 2 = 11
        var p = CaseId.Parse("ic1_oc1_in5_k3_s2_d2_pb1_pe2_op1").Resolve();
        Assert.That(p.Output, Is.EqualTo(new Dims(11)));
    }

    [TestCase("ap-same-upper", 1, 2)]
    [TestCase("ap-same-lower", 2, 1)]
    public void Same_padding_targets_in_times_stride_and_puts_the_odd_unit_per_mode(string mode, int pb, int pe)
    {
        // natural = 2*(3-1) + (4-1) + 1 = 8, target 6, total 2... use k4: natural 8 -> total 2; k5 gives 3
        var p = CaseId.Parse($"ic1_oc1_in3_k5_s2_{mode}").Resolve();
        Assert.That(p.Output, Is.EqualTo(new Dims(6)));
        Assert.That((p.PadsBegin[0], p.PadsEnd[0]), Is.EqualTo((pb, pe)));
    }

    [Test]
    public void Valid_padding_gives_the_natural_size()
    {
        var p = CaseId.Parse("ic1_oc1_in3x3_k3x3_s2x2_ap-valid").Resolve();
        Assert.That(p.Output, Is.EqualTo(new Dims(7, 7)));
        Assert.That(p.PadsBegin, Is.EqualTo(new Dims(0, 0)));
    }

    [Test]
    public void Output_shape_sets_pads_like_the_onnx_node_test()
    {
        // onnx test_convtranspose_output_shape: X 3x3, W 3x3, strides 3x2, output_shape 10x8.
        var p = CaseId.Parse("ic1_oc2_in3x3_k3x3_s3x2_os10x8").Resolve();
        Assert.That(p.Output, Is.EqualTo(new Dims(10, 8)));
        // natural 9x7: total -1x-1, NOTSET puts total - floor(total/2) = 0 at the begin, floor(-1/2) = -1 at the end.
        Assert.That(p.PadsBegin, Is.EqualTo(new Dims(0, 0)));
        Assert.That(p.PadsEnd, Is.EqualTo(new Dims(-1, -1)));
    }

    [Test]
    public void Output_shape_with_same_upper_puts_the_odd_unit_at_the_end()
    {
        var p = CaseId.Parse("ic1_oc1_in4_k4_s1_os4_ap-same-upper").Resolve();
        Assert.That((p.PadsBegin[0], p.PadsEnd[0]), Is.EqualTo((1, 2)));
    }

    [TestCase("ic3_oc4_in5_k3_g2", "in_channels=3", "divisible by group=2")]
    [TestCase("ic4_oc3_in5_k3_g2", "out_channels=3", "divisible by group=2")]
    [TestCase("ic1_oc1_in5_k3_s2_op2", "output_padding[0]=2", "< max(stride, dilation) = 2")]
    [TestCase("ic1_oc1_in5_k3_pb1_ap-same-upper", "pads=", "auto_pad=SAME_UPPER")]
    [TestCase("ic1_oc1_in1_k1_pb1", "output[0]=0", "must be >= 1")]
    [TestCase("ic0_oc1_in5_k3", "in_channels=0", "must be >= 1")]
    [TestCase("ic1_oc1_in5x0_k3x3", "input[1]=0", "must be >= 1")]
    [TestCase("ic1_oc1_in5x5_k3", "kernel_shape=3", "2 value(s)")]
    [TestCase("ic1_oc1_in5_k3_s-1", "strides[0]=-1", "must be >= 1")]
    [TestCase("ic1_oc1_in5x5x5x5_k3x3x3x3", "input=", "rank must be 1, 2 or 3")]
    [TestCase("mb1000_ic1000_oc1000_in100x100_k3x3", "input=1000x1000x100x100", "would not fit in memory")]
    [TestCase("ic1_oc1_in5_k3_pb1_os4", "pads=", "output_shape")]
    [TestCase("ic1_oc1_in5_k3_f32_zps2", "zps=2", "needs an integer source (u8 or s8), not f32")]
    [TestCase("ic1_oc1_in5_k3_bf16_sw-pc", "sw=pc", "weight scales need integer weights (s8), not bf16")]
    [TestCase("ic1_oc1_in5_k3_u8s8f32_zpd3", "zpd=3", "needs an integer destination (u8, s8, s32), not u8s8f32")]
    [TestCase("ic1_oc1_in5_k3_u8s8u8_zpd300", "zpd=300", "must be within u8's range [0, 255]")]
    [TestCase("ic1_oc1_in5_k3_s8s8s8_zps-129", "zps=-129", "must be within s8's range [-128, 127]")]
    [TestCase("ic1_oc1_in5_k3_u8s8u8_zps-1", "zps=-1", "must be within u8's range [0, 255]")]
    public void Invalid_cases_name_field_value_and_rule(string id, string field, string rule)
    {
        var error = Assert.Throws<InvalidCaseException>(() => CaseId.Parse(id).Resolve())!;
        Assert.That(error.Message, Does.Contain(field).And.Contain(rule));
    }
}
