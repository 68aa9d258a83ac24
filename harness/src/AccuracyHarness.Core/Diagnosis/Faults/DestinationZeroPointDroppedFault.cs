using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class DestinationZeroPointDroppedFault()
    : QuantizedFault(FaultCatalogue.DestinationZeroPointDropped, "destination zero point not added on store")
{
    /// <summary>Only an integer destination has a zero point.</summary>
    public override bool AppliesTo(Problem p, CaseInputs inputs) => inputs.Quantization!.DestinationZeroPoint != 0;

    /// <summary>On store alone, and, where a sum post-op reads the destination, in its dequantization as well.</summary>
    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        yield return Hypothesis("not added on store", Stored(p, inputs, rq => rq with { ZeroPoint = 0 }));
        if (p.Case.PostOps.Any(o => o.Kind == PostOpKind.Sum))
        {
            yield return Hypothesis("not added on store nor subtracted from the sum's prior value",
                Run(p, WithQuantization(inputs, q => q with { DestinationZeroPoint = 0 })));
        }
    }
}
