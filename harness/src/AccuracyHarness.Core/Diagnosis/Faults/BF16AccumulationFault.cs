using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis.Faults;

internal sealed class BF16AccumulationFault() : NarrowAccumulationFault(FaultCatalogue.BF16Accumulation,
    "accumulation in bf16 (the sum rounded to bf16 after every add)", "products and sums rounded to bf16",
    v => Tensor.Round(v, DataType.BF16), Tolerance.UnitRoundoffBF16)
{
    /// <summary>Kernels with bf16 storage: an f32 or f16 kernel has no bf16 type to narrow to.</summary>
    protected override bool Predicts(DeconvCase c) => base.Predicts(c) && c.Types.Source == DataType.BF16;
}
