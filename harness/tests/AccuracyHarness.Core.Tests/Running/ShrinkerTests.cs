using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Tests.Running;

public class ShrinkerTests
{
    /// <summary>A planted fault: a deconvolution that forgets to rotate the kernel by 180 degrees.</summary>
    private sealed class UnflippedWeightsBackend : IBackend
    {
        public string Name => "unflipped";

        public string Device => "cpu";

        public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
        {
            // Reversing a (c, m) block of weights reverses every spatial axis at once.
            var taps = (int)problem.Case.Kernel.Product();
            var flipped = inputs.Weights.Data.Chunk(taps).SelectMany(block => block.Reverse()).ToArray();
            var output = ReferenceDeconvolution.Gather(problem,
                inputs with { Weights = new Tensor(inputs.Weights.Shape, flipped, inputs.Weights.StorageType) }).Output;
            var type = problem.Case.Types.Destination;
            return BackendOutput.Produced.Of(new Tensor(problem.OutputShape, output.Select(v => Tensor.Round(v, type)).ToArray(), type));
        }
    }

    private static readonly Runner Planted = new([new UnflippedWeightsBackend()], new RunOptions());

    private static CaseResult Run(DeconvCase c) => Planted.RunCase(new SuiteCase(c, "test")).Single();

    private static bool FailsLike(DeconvCase c, Verdict verdict) => Verdict.Of(Run(c)) == verdict;

    [Test]
    public void Shrinks_a_planted_fault_to_a_smaller_case_that_fails_with_the_same_diagnosis()
    {
        var start = CaseId.Parse("mb2_ic6_oc4_g2_in5x4_k3x2_s2x2_d1x2_pb1x1_pe1x0_op1x1_bias_f16_nhwc_seed5");
        var first = Run(start);
        Assert.That(first.Status, Is.EqualTo(Status.Fail));
        Assert.That(first.Diagnosis.Text, Does.StartWith("weights-not-flipped"));
        var verdict = Verdict.Of(first);

        var steps = new List<DeconvCase>();
        var outcome = Shrinker.Shrink(start, c => FailsLike(c, verdict), onStep: steps.Add);

        Assert.That(outcome.Exhausted, Is.False);
        Assert.That(outcome.Steps, Is.EqualTo(steps));
        Assert.That(ShrinkOutcome.Elements(outcome.Minimal), Is.LessThan(ShrinkOutcome.Elements(start) / 4));
        Assert.That(Run(outcome.Minimal).Diagnosis.Text, Does.StartWith("weights-not-flipped"));
        Assert.That(CaseGen.Shrink(outcome.Minimal), Has.None.Matches<DeconvCase>(c => FailsLike(c!, verdict)),
            "minimal: no smaller variant fails the same way");
        Assert.That(outcome.Minimal.Kernel.Any(k => k > 1), "a 1x1 kernel cannot show a missing flip");
    }

    [Test]
    public void Stops_after_the_given_number_of_tries_with_the_smallest_failing_case_so_far()
    {
        var start = CaseId.Parse("mb2_ic4_oc4_in5x5_k3x3_s2x2_bias");
        var tries = 0;
        var outcome = Shrinker.Shrink(start, _ => ++tries > 0, maxTries: 3);
        Assert.That(outcome.Exhausted, Is.True);
        Assert.That(outcome.Tried, Is.EqualTo(3));
        Assert.That(tries, Is.EqualTo(3));
        Assert.That(outcome.Minimal, Is.EqualTo(outcome.Steps[^1]));
    }

    [Test]
    public void A_case_no_variant_of_which_fails_is_its_own_minimum()
    {
        var start = CaseId.Parse("ic2_oc2_in3_k3");
        var outcome = Shrinker.Shrink(start, _ => false);
        Assert.That(outcome.Minimal, Is.EqualTo(start));
        Assert.That(outcome.Steps, Is.Empty);
        Assert.That(outcome.Tried, Is.EqualTo(CaseGen.Shrink(start).Count()));
    }
}
