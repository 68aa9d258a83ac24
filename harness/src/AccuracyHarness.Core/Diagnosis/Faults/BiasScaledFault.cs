using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// The bias added to the integer sum before the scales, as if it were in the accumulator's units: oneDNN 2.x's output
/// scales apply to the bias, so an integration that hands it the real bias unscaled gets this.
/// </summary>
internal sealed class BiasScaledFault()
    : QuantizedFault(FaultCatalogue.BiasScaled, "source and weight scales applied to the bias (bias * s_src * s_wei[oc])")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) =>
        inputs.Bias is { } bias && Enumerable.Range(0, bias.Length).Any(oc => bias.Data[oc] != Scaled(inputs, oc, bias.Data[oc]));

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs) =>
        [Hypothesis("bias * s_src * s_wei[oc]", Run(p, inputs, bias: [.. inputs.Bias!.Data.Select((b, oc) => Scaled(inputs, oc, b))]))];

    private static float Scaled(CaseInputs inputs, int oc, float bias) =>
        (float)(bias * (double)inputs.Quantization!.SourceScale * inputs.Quantization.WeightScale(oc));
}
