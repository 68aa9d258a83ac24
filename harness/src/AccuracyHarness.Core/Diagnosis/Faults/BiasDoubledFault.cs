using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class BiasDoubledFault() : FaultModel(FaultCatalogue.BiasDoubled, "bias added twice")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => inputs.Bias is not null;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("bias twice", Run(p, inputs, bias: inputs.Bias?.Data.Select(b => 2 * b).ToArray()))];
}
