using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class ZeroPointTwiceFault()
    : QuantizedFault(FaultCatalogue.ZeroPointTwice, "source zero point subtracted twice (x_q - 2*zp: compensated and subtracted)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => inputs.Quantization!.SourceZeroPoints.Any(z => z != 0);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis("sum over x_q - 2*zp",
            Run(p, WithQuantization(inputs, q => q with { SourceZeroPoints = [.. q.SourceZeroPoints.Select(z => 2 * z)] }))),
    ];
}
