using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class LowerCheckMissingFault()
    : IndexFault(FaultCatalogue.LowerCheckMissing, "no lower range check: taps reaching before the first input read before it")
{
    protected override IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis) =>
        [("no check i >= 0", AxisArithmetic.Correct with { LowerCheck = false })];
}
