using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class UpperLimitOffByOneFault() : IndexFault(FaultCatalogue.UpperLimitOffByOne,
    "the upper range check off by one: the last input skipped, or the one past it read")
{
    protected override IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis) =>
    [
        ("checks i < in - 1", AxisArithmetic.Correct with { UpperLimitShift = -1 }),
        ("checks i < in + 1", AxisArithmetic.Correct with { UpperLimitShift = 1 }),
    ];
}
