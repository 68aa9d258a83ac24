using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class PadBeginOffByOneFault() : IndexFault(FaultCatalogue.PadBeginOffByOne, "begin pad off by one")
{
    protected override IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis) =>
    [
        ("begin pad -1", AxisArithmetic.Correct with { PadBeginShift = -1 }),
        ("begin pad +1", AxisArithmetic.Correct with { PadBeginShift = 1 }),
    ];
}
