using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.OpenCL.Tests.Support;

/// <summary>A backend's result on a case next to the reference, as the harness compares them.</summary>
public sealed record CaseRun(Problem Problem, CaseInputs Inputs, BackendOutput Output)
{
    public static CaseRun Of(IBackend backend, DeconvCase c)
    {
        var problem = c.Resolve();
        var inputs = Fill.For(problem);
        return new CaseRun(problem, inputs, backend.Run(problem, inputs, CancellationToken.None));
    }

    public BackendOutput.Produced Produced => Output as BackendOutput.Produced
        ?? throw new AssertionException($"{Problem.Case.Id}: expected an output, got {Output}");

    private Metrics? _metrics;

    public Metrics Metrics => _metrics ??= Comparator.Compare(Problem, ReferenceWithBiasAddend(), Produced.Output);

    /// <summary>Within the bound (bit-equal in exact mode), no stray padding lanes, and nothing Oclgrind complained about.</summary>
    public bool IsClean => Output is BackendOutput.Produced p && Metrics.Passed && p.NonZeroPaddingLanes == 0 && p.Findings.IsEmpty;

    /// <summary>
    /// The bound counts the bias as one of an element's addends (Tolerance: "the products and the
    /// bias"), but ReferenceDeconvolution.Gather leaves it out of AbsSum and Terms; where the bias
    /// dominates a short sum, a correct f32 kernel then exceeds the bound (seen here at 1.04).
    /// Until Core counts it, add it here.
    /// </summary>
    private ReferenceResult ReferenceWithBiasAddend()
    {
        var reference = ReferenceDeconvolution.Gather(Problem, Inputs);
        if (Inputs.Bias is not { } bias) return reference;
        var absSum = (double[])reference.AbsSum.Clone();
        var terms = (int[])reference.Terms.Clone();
        var plane = Problem.Output.Product();
        for (var i = 0; i < absSum.Length; i++)
        {
            absSum[i] += Math.Abs(bias.Data[(int)(i / plane % Problem.Case.OutChannels)]);
            terms[i]++;
        }
        return reference with { AbsSum = absSum, Terms = terms };
    }

    public string Describe()
    {
        if (Output is not BackendOutput.Produced p) return $"{Problem.Case.Id}: {Output}";
        var m = Metrics;
        return $"{Problem.Case.Id}: mismatches {m.Mismatches}/{m.Elements}, bound ratio {m.BoundRatio:G4}, max abs {m.MaxAbsErr:G4}, " +
            $"non-zero padding lanes {p.NonZeroPaddingLanes}, findings: {string.Join(" | ", p.Findings)}";
    }
}
