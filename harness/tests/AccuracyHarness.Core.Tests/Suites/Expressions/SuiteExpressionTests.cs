using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.Core.Tests.Suites.Expressions;

public class SuiteExpressionTests
{
    // Output 9x13 (s*(in-1) + k - pb - pe per axis), cg 2, mg 3.
    private static readonly Problem Case = CaseId.Parse("mb2_ic4_oc6_g2_in5x6_k3x3_s2x2_pb1x0_pe1x0_bias_f16_nhwc").Resolve();

    [TestCase("ic % g == 0 and s <= k", true)]
    [TestCase("cg == 2 and mg == 3 and rank == 2", true)]
    [TestCase("out == 9x13", true)]
    [TestCase("out == 9", false)]
    [TestCase("pb == 1x0 and pe == 1x0", true)]
    [TestCase("pb >= 1", false, Description = "a list comparison holds only when it holds on every axis")]
    [TestCase("any(pb >= 1)", true)]
    [TestCase("all(in >= 5)", true)]
    [TestCase("prod(in) == 30 and sum(k) == 6 and min(in) == 5 and max(in) == 6", true)]
    [TestCase("macs == 2 * 6 * 9 * 13 * 2 * 9", true)]
    [TestCase("elements == 2*4*30 + 4*3*9 + 2*6*117", true)]
    [TestCase("macs <= 1e4", false)]
    [TestCase("(in - 1) * s + k - pb - pe == out", true)]
    [TestCase("-ic + 4 == 0", true)]
    [TestCase("ic / 8 == 0.5", true)]
    [TestCase("not bias == 1 or mb == 2", true)]
    [TestCase("not (bias == 1 or mb == 2)", false)]
    [TestCase("dtype == f16 and layout == byxf and fill == random and ap == notset", true)]
    [TestCase("dtype != half", false)]
    [TestCase("os == 0 and seed == 1", true)]
    [TestCase("rank == 2 or k == 3x3x3", true, Description = "or stops at the first true: the 3-value list is never compared")]
    public void Evaluates_over_a_case(string text, bool expected) =>
        Assert.That(SuiteExpression.Parse(text).Holds(Case), Is.EqualTo(expected));

    [TestCase("ic", "'ic' is not a condition")]
    [TestCase("icc > 1", "unknown name 'icc'")]
    [TestCase("ic > 1 and", "the expression ends too early")]
    [TestCase("ic >> 1", "unexpected '>'")]
    [TestCase("ic = 1", "unexpected '= 1'")]
    [TestCase("(ic > 1", "expected ')'")]
    [TestCase("dtype == f64", "'f64' is not a value of dtype")]
    [TestCase("dtype < f16", "dtype can only be compared with == or !=")]
    [TestCase("dtype + 1 > 2", "dtype is not a number")]
    [TestCase("dtype == ic", "dtype can only be compared with one of its values")]
    [TestCase("prod(ic > 1) > 1", "a condition is not a number")]
    [TestCase("any(ic) ", "expected a condition")]
    [TestCase("ic > 1 and mb", "expected a condition")]
    public void Errors_say_what_is_wrong(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => SuiteExpression.Parse(text))!;
        Assert.That(e.Message, Does.Contain(expected));
    }
}
