using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class WeightsNotFlippedFault()
    : FaultModel(FaultCatalogue.WeightsNotFlipped, "weights not flipped (the rewrite's rotate_180 missing)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Kernel.Any(k => k > 1);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("kernel not rotated by 180 degrees", Run(p, inputs, weights: Flip(p, inputs.Weights.Data, _ => true)))];
}
