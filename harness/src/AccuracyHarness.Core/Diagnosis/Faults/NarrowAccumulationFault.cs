using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// Accumulation in a type narrower than f32: every product and partial sum rounded to it. Another summation order
/// rounds differently, so the prediction carries that type's summation bound as its slack.
/// </summary>
internal abstract class NarrowAccumulationFault(string name, string description, string detail, Func<double, double> rounding,
    double unitRoundoff) : FaultModel(name, description)
{
    /// <summary>Float cases: a quantized case's integer sum is exact in the accumulators kernels use.</summary>
    protected override bool Predicts(DeconvCase c) => !c.Types.IsQuantized;

    /// <summary>Any float case: even an f16 or bf16 case's reference accumulates in f32 and higher.</summary>
    public override bool AppliesTo(Problem p, CaseInputs inputs) => true;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        var sums = ReferenceDeconvolution.Gather(DeconvGeometry.Of(p), inputs.Input.Data, inputs.Weights.Data, inputs.Bias?.Data, rounding);
        var result = Epilogue.Apply(p, inputs, sums);
        var slack = result.AbsSum.Select((s, e) => Tolerance.Gamma(result.Terms[e] + 1, unitRoundoff) * s).ToArray();
        return [Hypothesis(detail, Prediction.Of(result) with { Slack = slack })];
    }
}
