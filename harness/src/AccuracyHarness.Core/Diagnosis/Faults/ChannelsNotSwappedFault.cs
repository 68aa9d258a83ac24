using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class ChannelsNotSwappedFault() : FaultModel(FaultCatalogue.ChannelsNotSwapped,
    "in/out channels not swapped in the weights reorder (IOYX read as OIYX: the transposed reorder fault)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Cg > 1 || p.Mg > 1;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("weights read as OIYX", Run(p, inputs, weights: Reinterpret(p, inputs.Weights.Data)))];
}
