namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class ZeroPointTwiceFault() : SourceZeroPointMultipleFault(FaultCatalogue.ZeroPointTwice,
    "source zero point subtracted twice (x_q - 2*zp: compensated and subtracted)", 2, "sum over x_q - 2*zp");
