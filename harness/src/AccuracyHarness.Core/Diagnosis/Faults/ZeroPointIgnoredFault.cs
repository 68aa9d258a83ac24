using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class ZeroPointIgnoredFault()
    : QuantizedFault(FaultCatalogue.ZeroPointIgnored, "source zero point not subtracted (the sum over x_q instead of x_q - zp)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => inputs.Quantization!.SourceZeroPoints.Any(z => z != 0);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("sum over x_q", Run(p, WithQuantization(inputs, q => q with { SourceZeroPoints = [0] })))];
}
