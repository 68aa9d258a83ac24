using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Tests;

/// <summary>Shared steps: the tests run the real libdnnl and fail (not skip) when it is missing.</summary>
public static class OneDnnTesting
{
    public static void Require() =>
        Assert.That(Dnnl.IsAvailable(out var reason), Is.True, () => $"run scripts/setup.sh (it installs libdnnl2): {reason}");

    /// <summary>Runs a case on a backend and evaluates it against the reference as the runner does.</summary>
    public static (BackendOutput Output, CaseResult Result) Evaluate(IBackend backend, string id)
    {
        var problem = CaseId.Parse(id).Resolve();
        return Evaluate(backend, problem, Fill.For(problem));
    }

    public static (BackendOutput Output, CaseResult Result) Evaluate(IBackend backend, Problem problem, CaseInputs inputs)
    {
        var output = backend.Run(problem, inputs, default);
        return (output, Evaluate(backend, problem, inputs, output));
    }

    /// <summary>The result the runner would make of an output.</summary>
    public static CaseResult Evaluate(IBackend backend, Problem problem, CaseInputs inputs, BackendOutput output)
    {
        var reference = ReferenceDeconvolution.Gather(problem, inputs);
        var basis = ComparisonBasis.Of(problem, reference);
        var subject = new ResultSubject(problem.Case, backend.Name, backend.Device, ReproArguments: backend.ReproArguments);
        var (result, metrics) = ResultEvaluator.Evaluate(basis, subject, output, 0);
        return ResultEvaluator.Explain(basis, inputs, reference, output, result, metrics);
    }

    public static string Describe(CaseResult r) =>
        $"{r.Status}: {r.Metrics.Mismatches}/{r.Metrics.Elements} mismatches, bound ratio {r.Metrics.BoundRatio:G4}, impl {r.Impl}; " +
        $"{r.Message} {r.Diagnosis.Text} {r.Diagnosis.Stage}";
}
