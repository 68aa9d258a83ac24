using AccuracyHarness.Core.Comparison;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class HalfAccumulationFault() : NarrowAccumulationFault(FaultCatalogue.HalfAccumulation,
    "accumulation in half precision (whatever the storage type)", "products and sums rounded to f16", v => (double)(Half)v,
    Tolerance.UnitRoundoffF16);
