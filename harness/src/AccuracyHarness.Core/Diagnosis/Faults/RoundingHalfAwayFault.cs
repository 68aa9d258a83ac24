using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// Ties of real / s_dst rounded away from zero. Only ties tell it from the contract's rounding, and the admissible set
/// of a tie holds both neighbours (README "Data types (contract)"), so on today's bounds its prediction always passes.
/// </summary>
internal sealed class RoundingHalfAwayFault()
    : QuantizedFault(FaultCatalogue.RoundingHalfAway, "requantization rounds half away from zero instead of half to even")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Types.IntegerDestination;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("ties away from zero", Stored(p, inputs, rq => rq with { Rounding = MidpointRounding.AwayFromZero }))];
}
