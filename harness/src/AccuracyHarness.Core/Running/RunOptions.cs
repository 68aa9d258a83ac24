using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// How a run runs its cases: tolerance, dumps, parallelism and timeout (what a run has already done
/// is its <see cref="RunState"/>).
/// </summary>
public sealed record RunOptions
{
    public FixedTolerance? Tolerance { get; init; }
    public DumpMode Dump { get; init; } = DumpMode.None;

    /// <summary>Where dumps/&lt;case&gt;/ folders go (the run's output folder).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Cases run at the same time.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Longest a backend may take on one case before its result is an error.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Runs of each case; results whose verdict differs between them are <see cref="Status.Unstable"/>.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>The matrix product the reference sums large cases with (a BLAS the command line wires); none: the loops.</summary>
    public IGemm? Gemm { get; init; }
}
