using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class OutputPaddingAtBeginFault() : IndexFault(FaultCatalogue.OutputPaddingAtBegin,
    "output padding added at the begin side (the pad the kernel uses is pb - op)")
{
    protected override IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis) =>
        [($"begin pad {axis.PadBegin} - {axis.OutputPadding}", AxisArithmetic.Correct with { PadBeginShift = -axis.OutputPadding })];
}
