using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class WrapAroundFault()
    : QuantizedFault(FaultCatalogue.WrapAround, "out-of-range results wrap around (a plain integer conversion) instead of saturating")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Types.IntegerDestination;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis($"modulo 2^{(p.Case.Types.Destination == DataType.S32 ? 32 : 8)}", Stored(p, inputs, rq => rq with { Wraps = true })),
    ];
}
