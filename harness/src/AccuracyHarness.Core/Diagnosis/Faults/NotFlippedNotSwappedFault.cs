using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class NotFlippedNotSwappedFault()
    : FaultModel(FaultCatalogue.NotFlippedNotSwapped, "weights neither flipped nor channel-swapped")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => (p.Cg > 1 || p.Mg > 1) && p.Case.Kernel.Any(k => k > 1);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis("weights read as OIYX and not rotated",
            Run(p, inputs, weights: Flip(p, Reinterpret(p, inputs.Weights.Data), _ => true))),
    ];
}
