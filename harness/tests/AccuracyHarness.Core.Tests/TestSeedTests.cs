using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests;

/// <summary>The shared seed of the property tests (harness/tests/Shared): what the variable may say, and what a failure tells.</summary>
public class TestSeedTests
{
    [TestCase(null, 18UL)]
    [TestCase("", 18UL)]
    [TestCase(" 42 ", 42UL)]
    public void Nothing_is_the_fixed_seed_and_a_number_is_that_seed(string? text, ulong seed) =>
        Assert.That(TestSeed.TryParse(text), Is.EqualTo(new Rnd(seed)));

    [TestCase("5,7")]
    [TestCase("(5,7)")]
    [TestCase("(5, 7)")]
    public void The_pair_a_failure_prints_is_that_seed(string text) =>
        Assert.That(TestSeed.TryParse(text), Is.EqualTo(new Rnd(5, 7)));

    [TestCase("soon")]
    [TestCase("-1")]
    [TestCase("5,8")]
    [TestCase("1,2,3")]
    public void A_value_it_cannot_read_is_refused(string text) => Assert.That(TestSeed.TryParse(text), Is.Null);

    [Test]
    public void Random_draws_a_seed_with_the_golden_gamma() =>
        Assert.That(TestSeed.TryParse("random")?.Gamma, Is.EqualTo(new Rnd(18).Gamma));

    [Test]
    public void Two_checks_draw_the_same_values()
    {
        List<int> Drawn()
        {
            var drawn = new List<int>();
            TestSeed.Check(Prop.ForAll(Arb.From(Gen.Choose(0, 1_000_000)), x => drawn.Add(x)), 20);
            return drawn;
        }
        Assert.That(Drawn(), Is.EqualTo(Drawn()).And.Count.EqualTo(20));
    }

    [Test]
    public void A_failing_check_tells_how_to_replay_it()
    {
        var failing = Prop.ForAll(Arb.From(Gen.Choose(0, 10)), x => x > 10);
        Assert.That(() => TestSeed.Check(failing, 5),
            Throws.TypeOf<AssertionException>().With.Message.Contains("Falsifiable").And.Message.Contains(TestSeed.Hint));
        Assert.That(TestSeed.Hint, Does.Contain($"{TestSeed.Variable}={TestSeed.Replay}"));
    }
}
