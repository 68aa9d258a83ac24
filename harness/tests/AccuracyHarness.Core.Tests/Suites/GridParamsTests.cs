using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Tests.Suites;

public class GridParamsTests
{
    [Test]
    public void Parameters_are_the_case_id_tokens_in_the_order_of_the_canonical_id()
    {
        var example = CaseId.Parse(CaseId.Example.Replace("_f32_", "_u8s8u8_zps-pc_zpd3_sw-pc_po-relu_", StringComparison.Ordinal));
        Assert.That(GridParams.Of(example).Keys, Is.EqualTo(GridParams.Names.Where(p => p != "os")));
        Assert.That(GridParams.Required, Is.EqualTo(new[] { "ic", "oc", "in", "k" }));
    }

    [TestCase("os", "none")]
    [TestCase("os", " NONE ")]
    public void Output_shape_none_leaves_the_token_out(string param, string text) =>
        Assert.That(GridParams.Normalise(param, text), Is.Null);

    [TestCase("yes", "bias")]
    [TestCase("True", "bias")]
    [TestCase("bias", "bias")]
    [TestCase("no", "nobias")]
    [TestCase("false", "nobias")]
    [TestCase("NOBIAS", "nobias")]
    public void Bias_takes_yes_no_and_true_false(string text, string expected) =>
        Assert.That(GridParams.Normalise("bias", text), Is.EqualTo(expected));

    [TestCase("mb", "x", "'x' is not a whole number")]
    [TestCase("seed", "-1", "'-1' is not a whole number")]
    [TestCase("k", "3y3", "'3y3' is not a size per axis like 3 or 3x3 or 3x3x3")]
    [TestCase("in", "1x2x3x4", "'1x2x3x4' is not a size per axis like 3 or 3x3 or 3x3x3")]
    [TestCase("os", "some", "'some' is not a size per axis like 3 or 3x3 or 3x3x3, or none")]
    [TestCase("ap", "sideways", "'sideways' is not notset, same-upper, same-lower or valid")]
    [TestCase("bias", "maybe", "'maybe' is not bias/nobias (or yes/no, true/false)")]
    [TestCase("dtype", "f64", "'f64' is not one of f32, f16, bf16, u8s8u8, u8s8s8, u8s8s32, u8s8f32, s8s8u8, s8s8s8, s8s8s32, s8s8f32, bf16bf16f32")]
    [TestCase("layout", "nchw16", "'nchw16' is not one of " + Names.LayoutChoices)]
    [TestCase("fill", "zero", "'zero' is not random or exact")]
    public void A_value_that_is_not_the_parameters_says_what_is_expected(string param, string text, string expected) =>
        Assert.That(Assert.Throws<FormatException>(() => GridParams.Normalise(param, text))!.Message, Is.EqualTo(expected));

    [Test]
    public void Whole_numbers_are_kept_as_written() =>
        Assert.That(GridParams.Normalise("seed", "007"), Is.EqualTo("007"));

    [Test]
    public void Single_sizes_repeat_over_the_input_axes_except_the_input_itself()
    {
        var values = new Dictionary<string, string> { ["in"] = "5", ["k"] = "3", ["ic"] = "1", ["oc"] = "1", ["os"] = "9" };
        Assert.That(GridParams.Id(values), Is.EqualTo("in5_k3_ic1_oc1_os9"));
        values["in"] = "4x5x6";
        values["pb"] = "-1";
        Assert.That(GridParams.Id(values), Is.EqualTo("in4x5x6_k3x3x3_ic1_oc1_os9x9x9_pb-1x-1x-1"));
    }
}
