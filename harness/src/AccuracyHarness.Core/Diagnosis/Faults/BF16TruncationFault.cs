using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// The f32 result stored as bf16 by dropping its low 16 bits. It is at most one bf16 unit from the correct store, which
/// the bound of a rounded result allows: only exact fills, compared exactly, tell them apart.
/// </summary>
internal sealed class BF16TruncationFault()
    : FaultModel(FaultCatalogue.BF16Truncation, "bf16 destination stored by truncation instead of rounding to nearest even")
{
    public override bool AppliesTo(Problem p, CaseInputs inputs) => p.Case.Types.Destination == DataType.BF16;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        var correct = Prediction.Of(ReferenceDeconvolution.Gather(p, inputs));
        return [Hypothesis("f32 result's low 16 bits dropped", correct with { Output = [.. correct.Output.Select(Truncated)] })];
    }

    private static double Truncated(double v) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits((float)v) & unchecked((int)0xFFFF0000));
}
