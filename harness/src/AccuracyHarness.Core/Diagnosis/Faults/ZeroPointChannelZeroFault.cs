using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class ZeroPointChannelZeroFault()
    : QuantizedFault(FaultCatalogue.ZeroPointChannelZero, "input channel 0's zero point used for every channel")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) =>
        inputs.Quantization!.SourceZeroPoints is var zps && zps.Any(z => z != zps[0]);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis($"zp = {inputs.Quantization!.SourceZeroPoints[0]} (channel 0's) everywhere",
            Run(p, WithQuantization(inputs, q => q with { SourceZeroPoints = [q.SourceZeroPoints[0]] }))),
    ];
}
