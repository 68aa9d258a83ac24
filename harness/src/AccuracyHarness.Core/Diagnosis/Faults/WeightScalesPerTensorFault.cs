using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class WeightScalesPerTensorFault()
    : QuantizedFault(FaultCatalogue.WeightScalesPerTensor, "per-channel weight scales applied per tensor (output channel 0's everywhere)")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) =>
        inputs.Quantization!.WeightScales is var scales && scales.Any(s => s != scales[0]);

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
    [
        Hypothesis($"s_wei = {inputs.Quantization!.WeightScales[0]} (channel 0's) everywhere",
            Run(p, WithQuantization(inputs, q => q with { WeightScales = [q.WeightScales[0]] }))),
    ];
}
