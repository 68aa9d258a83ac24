using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// A fused chain that stores each intermediate in the destination's type: the real value clamped to what the destination
/// can represent, [(lo - zp) * s_dst, (hi - zp) * s_dst], after each post-op but the last.
/// </summary>
internal sealed class PostOpClampFault()
    : QuantizedFault(FaultCatalogue.PostOpClamp, "the value clamped to the destination's range between fused post-ops")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Types.IntegerDestination && p.Case.PostOps.Count > 1;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        var q = inputs.Quantization!;
        var (lo, hi) = CaseTypes.IntegerRange(p.Case.Types.Destination);
        var (low, high) = ((lo - q.DestinationZeroPoint) * (double)q.DestinationScale,
            (hi - q.DestinationZeroPoint) * (double)q.DestinationScale);
        var result = Epilogue.Apply(p, inputs, RawSum(p, inputs, DeconvGeometry.Of(p)), v => Math.Clamp(v, low, high));
        var detail = string.Create(CultureInfo.InvariantCulture, $"clamped to [{low:G6}, {high:G6}] between post-ops");
        return [Hypothesis(detail, Prediction.Of(result))];
    }
}
