using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime.Tests;

/// <summary>Shared checks: the tests run the real library and fail (not skip) when it is missing.</summary>
public static class Ort
{
    public static void Require() =>
        Assert.That(OrtRuntimeInfo.IsAvailable(out var reason), Is.True, () => $"run scripts/setup.sh: {reason}");

    /// <summary>Compares an output with the reference of a problem (gather form) within the per-element bound.</summary>
    public static Metrics Compare(Problem problem, CaseInputs inputs, Tensor got) =>
        Comparator.Compare(problem, ReferenceDeconvolution.Gather(problem, inputs), got);

    public static string Describe(Metrics m) =>
        $"{m.Mismatches}/{m.Elements} mismatches, bound ratio {m.BoundRatio:G4}, max abs {m.MaxAbsErr:G4}, "
        + $"worst at [{string.Join(",", m.Worst ?? [])}]";

    /// <summary>
    /// The reference under ONNX Runtime's rule for output_shape beyond the natural size: on such
    /// axes the pads are 0 and the outputs past the natural size hold the bias alone. It has the
    /// case's output shape, so the comparator's bounds apply unchanged.
    /// </summary>
    public static ReferenceResult ReferenceUnderOrtRule(Problem problem, CaseInputs inputs)
    {
        var c = problem.Case;
        var extended = Enumerable.Range(0, c.Rank).Select(a => problem.PadsBegin[a] + problem.PadsEnd[a] < 0).ToArray();
        var inner = (c with
        {
            OutputShape = null,
            AutoPad = AutoPad.NotSet,
            PadsBegin = problem.PadsBegin.Map((p, a) => extended[a] ? 0 : p),
            PadsEnd = problem.PadsEnd.Map((p, a) => extended[a] ? 0 : p),
        }).Resolve();
        var small = ReferenceDeconvolution.Gather(inner, inputs);
        var count = (int)problem.OutputShape.Product();
        var result = new ReferenceResult(new double[count], new double[count], new int[count]);
        var innerStrides = Tensor.Strides(inner.OutputShape);
        for (var flat = 0; flat < count; flat++)
        {
            var at = Tensor.Coordinates(problem.OutputShape, flat);
            if (Enumerable.Range(0, at.Length).All(d => at[d] < inner.OutputShape[d]))
            {
                var source = (int)at.Select((v, d) => v * innerStrides[d]).Sum();
                result.Output[flat] = small.Output[source];
                result.AbsSum[flat] = small.AbsSum[source];
                result.Terms[flat] = small.Terms[source];
            }
            else
            {
                result.Output[flat] = inputs.Bias?.Data[at[1]] ?? 0;
            }
        }
        return result;
    }
}
