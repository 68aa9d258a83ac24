using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Backends;

/// <summary>
/// The scatter form of the reference run as a backend, stored as the destination's type: compared
/// with the gather form that the comparison uses, it checks the reference itself on every case.
/// </summary>
/// <param name="gemm">The matrix product that large cases are summed with, as the comparison's (none: the loops).</param>
public sealed class ReferenceBackend(IGemm? gemm = null) : IBackend
{
    public const string Id = "reference";

    public string Name => Id;

    public string Device => "cpu";

    public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        var scatter = ReferenceDeconvolution.Scatter(problem, inputs, gemm);
        var type = problem.Case.Types.Destination;
        var requantization = Epilogue.RequantizationOf(problem.Case, inputs.Quantization);
        var output = new float[scatter.Length];
        for (var i = 0; i < output.Length; i++) output[i] = requantization?.Store(scatter[i]) ?? Tensor.Round(scatter[i], type);
        return BackendOutput.Produced.Of(new Tensor(problem.OutputShape, output, type));
    }
}
