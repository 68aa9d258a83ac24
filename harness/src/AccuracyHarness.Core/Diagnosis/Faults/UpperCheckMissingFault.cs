using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class UpperCheckMissingFault()
    : IndexFault(FaultCatalogue.UpperCheckMissing, "no upper range check: inputs past the last one are read")
{
    protected override IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis) =>
        [("no check i < in", AxisArithmetic.Correct with { UpperCheck = false })];
}
