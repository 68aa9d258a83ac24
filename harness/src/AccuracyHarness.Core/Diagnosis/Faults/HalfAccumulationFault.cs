using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class HalfAccumulationFault()
    : FaultModel(FaultCatalogue.HalfAccumulation, "accumulation in half precision (whatever the storage type)")
{
    /// <summary>Any case: even an f16 case's reference accumulates in f32 and higher.</summary>
    public override bool AppliesTo(Problem p, CaseInputs inputs) => true;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        var result = ReferenceDeconvolution.Gather(DeconvGeometry.Of(p), inputs.Input.Data, inputs.Weights.Data, inputs.Bias?.Data,
            v => (double)(Half)v);
        // Another summation order rounds differently: allow the half-precision summation bound.
        var slack = result.AbsSum.Select((s, e) => Tolerance.Gamma(result.Terms[e] + 1, Tolerance.UnitRoundoffF16) * s).ToArray();
        return [Hypothesis("products and sums rounded to f16", Prediction.Of(result) with { Slack = slack })];
    }
}
