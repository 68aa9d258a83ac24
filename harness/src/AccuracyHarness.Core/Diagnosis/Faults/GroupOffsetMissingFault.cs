using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>A gather kernel's index fault outside the per-axis family: the group's channel offset itself.</summary>
internal sealed class GroupOffsetMissingFault() : FaultModel(FaultCatalogue.GroupOffsetMissing,
    "every group reads the input channels and weights of group 0 (the group's channel offset left out)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Groups != 1;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis("input channel g*C/G + c read as c", Gathered(p, inputs,
            new GatherVariant(AxisArithmetic.Correct, AxisArithmetic.Correct, AxisArithmetic.Correct, GroupOffsetMissing: true))),
    ];
}
