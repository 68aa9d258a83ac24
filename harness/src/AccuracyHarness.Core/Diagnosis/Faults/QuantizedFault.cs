using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>A fault of quantized arithmetic (zero points, scales, requantization): it predicts quantized cases only.</summary>
internal abstract class QuantizedFault(string name, string description) : FaultModel(name, description)
{
    protected sealed override bool Predicts(DeconvCase c) => c.Types.IsQuantized;
}
