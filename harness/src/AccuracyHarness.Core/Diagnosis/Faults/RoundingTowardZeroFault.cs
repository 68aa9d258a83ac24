using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class RoundingTowardZeroFault()
    : QuantizedFault(FaultCatalogue.RoundingTowardZero, "requantization truncates toward zero instead of rounding half to even")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Types.IntegerDestination;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("real / s_dst truncated", Stored(p, inputs, rq => rq with { Rounding = MidpointRounding.ToZero }))];
}
