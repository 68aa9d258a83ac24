using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.Core.Tests.Suites.Expressions;

public class ProblemExpressionTests
{
    // Output 9x13, cg 2, mg 3; as macros: OD 1, OH 9, OW 13, KD 1, KH 3, KW 3.
    private static readonly Problem Case = CaseId.Parse("mb2_ic4_oc6_g2_in5x6_k3x3_s2x2_pb1x0_pe1x0_bias_f16_nhwc").Resolve();

    [TestCase("OC*N", 12)]
    [TestCase("OW", 13)]
    [TestCase("OH*OD", 9)]
    [TestCase("KD*KH*KW", 9)]
    [TestCase("PH0 + PW0 * 10 + PH1 * 100", 101)]
    [TestCase("IC/G", 2)]
    [TestCase("align(OW, 8)", 16)]
    [TestCase("align(OW, 13)", 13)]
    [TestCase("ceil(OW / 2) + floor(OW / 2)", 13)]
    [TestCase("min(cg, 8) + max(OW, 20)", 22)]
    [TestCase("prod(out)", 117, Description = "suite names are there too; a list reduced to one number")]
    [TestCase("HAS_BIAS + SD + DD + OPD", 3)]
    [TestCase("OC*N <= 16", 1, Description = "a condition counts as 1 or 0")]
    [TestCase("OC*N > 16", 0)]
    [TestCase("32", 32)]
    public void Evaluates_over_a_case(string text, double expected) =>
        Assert.That(ProblemExpression.Parse(text).Evaluate(Case), Is.EqualTo(expected));

    [Test]
    public void Every_problem_macro_is_a_name_with_the_value_of_the_case() =>
        Assert.Multiple(() =>
        {
            var values = ProblemMacros.Values(Case);
            for (var i = 0; i < ProblemMacros.Names.Length; i++)
                Assert.That(ProblemExpression.Parse(ProblemMacros.Names[i]).Evaluate(Case), Is.EqualTo(values[i]), ProblemMacros.Names[i]);
        });

    [TestCase("OWW", "unknown name 'OWW'")]
    [TestCase("align(OW)", "align takes two numbers")]
    [TestCase("align(OW, 8", "expected ', MULTIPLE)'")]
    [TestCase("OW +", "the expression ends too early")]
    public void A_bad_expression_says_what_is_wrong(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => ProblemExpression.Parse(text))!;
        Assert.That(e.Message, Does.Contain(message));
    }

    [Test]
    public void An_unreduced_list_says_how_to_reduce_it()
    {
        var e = Assert.Throws<FormatException>(() => ProblemExpression.Parse("out").Evaluate(Case))!;
        Assert.That(e.Message, Does.Contain("list of 2 values").And.Contain("prod"));
    }

    [Test]
    public void Suite_where_expressions_keep_their_own_names_and_functions()
    {
        Assert.That(Assert.Throws<FormatException>(() => SuiteExpression.Parse("OW > 1"))!.Message, Does.Contain("unknown name 'OW'"));
        Assert.That(Assert.Throws<FormatException>(() => SuiteExpression.Parse("align(ic, 8) > 1"))!.Message,
            Does.Contain("unexpected '(ic, 8) > 1'"));
    }
}
