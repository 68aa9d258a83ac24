using AccuracyHarness.Cli.Options;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Tests.Options;

/// <summary>Each shared reading of an option value: what it accepts, and that a refusal says what is allowed in words.</summary>
public class ValueParsersTests
{
    [TestCase("10", 10.0)]
    [TestCase("10%", 10.0)]
    [TestCase("10.5%", 10.5)]
    [TestCase("100", 100.0)]
    public void Percentage_takes_a_number_with_or_without_the_percent_sign(string text, double expected) =>
        Assert.That(ValueParsers.Percentage(text), Is.EqualTo(expected));

    [TestCase("0")]
    [TestCase("100.5%")]
    [TestCase("-5")]
    [TestCase("x")]
    [TestCase("%")]
    public void Percentage_refuses_what_is_outside_0_to_100(string text) =>
        Assert.That(() => ValueParsers.Percentage(text),
            Throws.TypeOf<FormatException>().With.Message.EqualTo("is not a percentage P with 0 < P <= 100, written 10, 10% or 10.5%"));

    [Test]
    public void Positive_integer_takes_whole_numbers_from_1()
    {
        Assert.That(ValueParsers.PositiveInteger("3"), Is.EqualTo(3));
        foreach (var bad in new[] { "0", "-1", "1.5", "abc", "99999999999" })
        {
            Assert.That(() => ValueParsers.PositiveInteger(bad),
                Throws.TypeOf<FormatException>().With.Message.EqualTo("is not a whole number >= 1"), bad);
        }
    }

    [Test]
    public void Seconds_take_a_positive_number_with_or_without_s()
    {
        Assert.That(ValueParsers.Seconds("2.5"), Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        Assert.That(ValueParsers.Seconds("30s"), Is.EqualTo(TimeSpan.FromSeconds(30)));
        foreach (var bad in new[] { "0", "soon", "-3", "1e400" })
        {
            Assert.That(() => ValueParsers.Seconds(bad),
                Throws.TypeOf<FormatException>().With.Message.EqualTo("is not a duration in seconds > 0 (e.g. 30, 2.5 or 30s)"), bad);
        }
    }

    [Test]
    public void Numbers_and_seeds_refuse_negative_values()
    {
        Assert.That(ValueParsers.NonNegativeNumber("1e-5"), Is.EqualTo(1e-5));
        Assert.That(() => ValueParsers.NonNegativeNumber("-1"), Throws.TypeOf<FormatException>().With.Message.Contains("number >= 0"));
        Assert.That(() => ValueParsers.NonNegativeNumber("NaN"), Throws.TypeOf<FormatException>());
        Assert.That(ValueParsers.UnsignedInteger("18446744073709551615"), Is.EqualTo(ulong.MaxValue));
        Assert.That(() => ValueParsers.UnsignedInteger("-1"),
            Throws.TypeOf<FormatException>().With.Message.Contains("whole number from 0"));
    }

    [Test]
    public void An_enumeration_lists_its_names()
    {
        var dump = ValueParsers.OneOf<DumpMode>();
        Assert.That(dump("Failing"), Is.EqualTo(DumpMode.Failing));
        Assert.That(() => dump("some"), Throws.TypeOf<FormatException>().With.Message.EqualTo("is not one of none, failing, all"));
    }

    [Test]
    public void A_list_names_the_item_it_refuses()
    {
        var layouts = ValueParsers.ListOf(ValueParsers.Layout);
        Assert.That(layouts("nchw, bfyx,blocked16"), Is.EqualTo(new[] { LayoutFamily.Nchw, LayoutFamily.Nchw, LayoutFamily.Blocked16 }));
        Assert.That(() => ValueParsers.ListOf(ValueParsers.DataTypes)("f32,bf8"),
            Throws.TypeOf<FormatException>().With.Message.StartsWith("holds 'bf8', which is not one of f32, f16, bf16, u8s8u8"));
        Assert.That(() => layouts(","), Throws.TypeOf<FormatException>().With.Message.Contains("empty list"));
    }

    [Test]
    public void Shards_fills_and_patterns_say_what_they_take()
    {
        Assert.That(ValueParsers.Shard("2/4"), Is.EqualTo(new CaseSelection.Shard(2, 4)));
        Assert.That(() => ValueParsers.Shard("5/4"), Throws.TypeOf<FormatException>().With.Message.Contains("i/n with 1 <= i <= n"));
        Assert.That(ValueParsers.Fill("exact"), Is.EqualTo(FillMode.Exact));
        Assert.That(() => ValueParsers.Fill("zeros"), Throws.TypeOf<FormatException>().With.Message.EqualTo("is not one of random, exact"));
        Assert.That(ValueParsers.Pattern("_f16_").IsMatch("ic4_f16_nchw"), Is.True);
        Assert.That(() => ValueParsers.Pattern("("),
            Throws.TypeOf<FormatException>().With.Message.StartsWith("is not a regular expression"));
    }
}
