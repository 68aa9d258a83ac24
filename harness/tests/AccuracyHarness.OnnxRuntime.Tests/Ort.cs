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
        $"{m.Mismatches}/{m.Elements} mismatches, bound ratio {m.BoundRatio:G4}, max abs {m.MaxAbsErr:G4}, worst at [{string.Join(",", m.Worst ?? [])}]";

    /// <summary>The same case with ONNX Runtime's pads written out explicitly (same output shape by construction).</summary>
}
