using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class OutputPaddingDroppedFault() : FaultModel(FaultCatalogue.OutputPaddingDropped,
    "output padding dropped (the last rows/columns it adds are not written)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.OutputPadding.Any(o => o > 0);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis("output padding not computed",
            Run(p, inputs).Remap(i => InPadding(p, Tensor.Coordinates(p.OutputShape, i)) ? null : i)),
    ];

    /// <summary>Whether an output element (n, c, spatial...) lies in the rows or columns the output padding adds.</summary>
    private static bool InPadding(Problem p, int[] coordinates) =>
        Enumerable.Range(0, p.Rank).Any(a => coordinates[2 + a] >= p.Output[a] - p.Case.OutputPadding[a]);
}
