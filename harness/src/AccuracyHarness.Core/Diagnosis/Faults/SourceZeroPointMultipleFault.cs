using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>The source zero points subtracted a wrong number of times: the sum over x_q - times * zp[c].</summary>
internal abstract class SourceZeroPointMultipleFault(string name, string description, int times, string detail)
    : QuantizedFault(name, description)
{
    public sealed override bool AppliesTo(Problem p, CaseInputs inputs) => inputs.Quantization!.SourceZeroPoints.Any(z => z != 0);

    protected sealed override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis(detail, Run(p, WithQuantization(inputs, q => q with { SourceZeroPoints = [.. q.SourceZeroPoints.Select(z => times * z)] })))];
}
