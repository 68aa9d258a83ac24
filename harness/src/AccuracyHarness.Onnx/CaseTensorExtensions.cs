using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Onnx;

public static class CaseTensorExtensions
{
    public static Tensor? Get(this CaseInputs inputs, CaseTensor which) => which switch
    {
        CaseTensor.Input => inputs.Input,
        CaseTensor.Weights => inputs.Weights,
        CaseTensor.Bias => inputs.Bias,
        CaseTensor.SumPrior => inputs.PostOps?.SumPrior,
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };
}
