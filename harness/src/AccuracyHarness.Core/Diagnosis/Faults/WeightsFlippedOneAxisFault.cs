using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class WeightsFlippedOneAxisFault()
    : FaultModel(FaultCatalogue.WeightsFlippedOneAxis, "weights flipped on one spatial axis only")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Rank >= 2;

    /// <summary>Flipped on axis a alone, for each axis where the other axes' flip would show (some other kernel size above 1).</summary>
    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        Enumerable.Range(0, p.Rank)
            .Where(a => p.Case.Kernel.Where((k, b) => b != a).Any(k => k > 1))
            .Select(a => Hypothesis($"flipped on {AxisName(p, a)} only",
                Run(p, inputs, weights: Flip(p, inputs.Weights.Data, b => b != a))));
}
