using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class PadsSwappedFault() : FaultModel(FaultCatalogue.PadsSwapped, "begin and end pads swapped")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => Enumerable.Range(0, p.Rank).Any(a => p.PadsBegin[a] != p.PadsEnd[a]);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis("pads swapped on every axis",
            Run(p, inputs, axes: DeconvGeometry.Of(p).Axes.Select(a => a with { PadBegin = a.PadEnd, PadEnd = a.PadBegin }).ToArray())),
    ];
}
