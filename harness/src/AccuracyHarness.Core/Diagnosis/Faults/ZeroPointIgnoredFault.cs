namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class ZeroPointIgnoredFault() : SourceZeroPointMultipleFault(FaultCatalogue.ZeroPointIgnored,
    "source zero point not subtracted (the sum over x_q instead of x_q - zp)", 0, "sum over x_q");
