using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class StridePhaseFlooredFault() : IndexFault(FaultCatalogue.StridePhaseFloored,
    "taps whose offset is not a multiple of the stride read input floor((o + pb - t*d) / s) instead of being skipped")
{
    protected override IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis) =>
        [("division floored", AxisArithmetic.Correct with { FloorPhase = true })];
}
