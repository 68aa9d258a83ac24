using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class DilationOnInputFault() : IndexFault(FaultCatalogue.DilationOnInput,
    "dilation applied to the input side, i = (o + pb - t) / (s*d), instead of spreading the taps")
{
    protected override IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis) =>
        [("i = (o + pb - t) / (s*d)", AxisArithmetic.Correct with { DilateInput = true })];
}
