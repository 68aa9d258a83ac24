using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.OpenCL.Tests.Support;

/// <summary>A backend's result on a case next to the reference, as the harness compares them.</summary>
public sealed record CaseRun(ResultSubject Subject, Problem Problem, CaseInputs Inputs, BackendOutput Output)
{
    public static CaseRun Of(IBackend backend, DeconvCase c)
    {
        var problem = c.Resolve();
        var inputs = Fill.For(problem);
        var subject = new ResultSubject(c, backend.Name, backend.Device, ReproArguments: backend.ReproArguments);
        return new CaseRun(subject, problem, inputs, backend.Run(problem, inputs, CancellationToken.None));
    }

    public BackendOutput.Produced Produced => Output as BackendOutput.Produced
        ?? throw new AssertionException($"{Problem.Case.Id}: expected an output, got {Output}");

    private Metrics? _metrics;

    public Metrics Metrics => _metrics ??= Comparator.Compare(Problem, ReferenceDeconvolution.Gather(Problem, Inputs), Produced.Output);

    /// <summary>Within the bound (bit-equal in exact mode), no stray padding lanes, and nothing Oclgrind complained about.</summary>
    public bool IsClean => Output is BackendOutput.Produced p && Metrics.Passed && p.NonZeroPaddingLanes == 0 && p.Findings.IsEmpty;

    /// <summary>The result a run reports for this output, diagnosis included (structured fields, not text).</summary>
    public CaseResult Result
    {
        get
        {
            var reference = ReferenceDeconvolution.Gather(Problem, Inputs);
            var basis = ComparisonBasis.Of(Problem, reference);
            var (evaluated, metrics) = ResultEvaluator.Evaluate(basis, Subject, Output, 0);
            return ResultEvaluator.Explain(basis, Inputs, reference, Output, evaluated, metrics);
        }
    }

    public string Describe()
    {
        if (Output is not BackendOutput.Produced p) return $"{Problem.Case.Id}: {Output}";
        var m = Metrics;
        return $"{Problem.Case.Id}: mismatches {m.Mismatches}/{m.Elements}, bound ratio {m.BoundRatio:G4}, max abs {m.MaxAbsErr:G4}, " +
            $"non-zero padding lanes {p.NonZeroPaddingLanes}, findings: {string.Join(" | ", p.Findings)}";
    }
}
