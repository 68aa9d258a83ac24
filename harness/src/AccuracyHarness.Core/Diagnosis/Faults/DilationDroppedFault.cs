using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class DilationDroppedFault() : FaultModel(FaultCatalogue.DilationDropped, "dilation ignored (taps treated as dense)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Dilations.Any(d => d > 1);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis("dilation 1 on every axis",
            Run(p, inputs, axes: DeconvGeometry.Of(p).Axes.Select(a => a with { Dilation = 1 }).ToArray())),
    ];
}
