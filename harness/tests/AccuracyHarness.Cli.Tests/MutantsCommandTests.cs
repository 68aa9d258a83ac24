using AccuracyHarness.Cli.Commands;
using AccuracyHarness.OpenCL.Mutants;

namespace AccuracyHarness.Cli.Tests;

public class MutantsCommandTests
{
    /// <summary>The proof that comparison and diagnosis work: every planted fault is caught and named.</summary>
    [Test]
    public void Every_mutant_is_caught_and_at_least_ninety_percent_are_named_on_the_default_suite()
    {
        var run = HarnessProcess.Run("mutants", "--jobs", "2");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        foreach (var mutant in MutantsCommand.All)
            Assert.That(run.Stdout, Does.Match($"{mutant.Name} +│ [^│]+│ yes "), $"{mutant.Name} not caught:\n{run.Stdout}");
        Assert.That(MutantsCommand.All.Select(m => m.Name),
            Does.Contain("onednn-reorder-not-flipped").And.Contain("onednn-padding-r-without-output-padding"));
        Assert.That(run.Stdout, Does.Contain($"mutants: {MutantsCommand.All.Count}, caught {MutantsCommand.All.Count} (100%)"));
    }

    [Test]
    public void A_patch_that_no_longer_applies_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MutantCatalogue.Patch("acc += 1;", "acc -= 1;", "x"))!;
        Assert.That(error.Message, Does.Contain("must occur exactly once"));
        Assert.That(MutantCatalogue.Patch("a b c", "b", "x"), Is.EqualTo("a x c"));
    }

    [Test]
    public void Unknown_mutant_is_a_usage_error()
    {
        var run = HarnessProcess.Run("mutants", "--mutant", "no-such-mutant");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("unknown mutant 'no-such-mutant'"));
    }
}
