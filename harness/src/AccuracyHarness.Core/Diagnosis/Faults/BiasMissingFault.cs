using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class BiasMissingFault() : FaultModel(FaultCatalogue.BiasMissing, "bias not added")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => inputs.Bias is not null;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("no bias", Run(p, inputs, bias: null))];
}
