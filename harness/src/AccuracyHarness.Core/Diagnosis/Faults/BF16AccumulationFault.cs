using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class BF16AccumulationFault() : NarrowAccumulationFault(FaultCatalogue.BF16Accumulation,
    "accumulation in bf16 (the sum rounded to bf16 after every add)", "products and sums rounded to bf16",
    v => Tensor.Round(v, DataType.BF16), Tolerance.UnitRoundoffBF16);
