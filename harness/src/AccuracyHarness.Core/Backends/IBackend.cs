using System.Collections.Immutable;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Backends;

/// <summary>
/// One implementation of the operator on one device. It takes a resolved problem and its inputs
/// (logical order) and returns the output in logical order, or why it could not.
/// </summary>
public interface IBackend
{
    /// <summary>Backend id as the command line names it (reference, opencl-direct, onnxruntime, ext:NAME...).</summary>
    string Name { get; }

    /// <summary>Device id (cpu, pocl, oclgrind, ...).</summary>
    string Device { get; }

    /// <summary>
    /// Command-line arguments that recreate this backend's configuration in a repro line
    /// (e.g. "--kernel /path/manifest.json --rule openvino-2024"); empty for the defaults.
    /// </summary>
    string ReproArguments => "";

    /// <summary>Counters of the work a backend saved or repeated (programs built, sessions created and reused), for benchmarks.</summary>
    IReadOnlyList<KeyValuePair<string, long>> Counters => [];

    /// <summary>Runs one case. Called concurrently from several threads: implementations guard shared state.</summary>
    BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation);
}

/// <summary>What a backend returns for a case.</summary>
public abstract record BackendOutput
{
    private BackendOutput()
    {
    }

    /// <summary>
    /// An output in logical order. <paramref name="Stages"/> are the intermediates of a
    /// multi-stage backend in pipeline order; <paramref name="Findings"/> are problems a device
    /// saw even when the numbers may agree (e.g. Oclgrind's invalid accesses);
    /// <paramref name="NonZeroPaddingLanes"/> counts padding lanes of a blocked output that
    /// were not zero; <paramref name="Note"/> says how the result was obtained when that matters;
    /// <paramref name="Impl"/> names the implementation a library picked for the case (oneDNN's
    /// impl info, e.g. "jit:avx2"), since a divergence in one implementation is a different bug.
    /// </summary>
    public sealed record Produced(
        Tensor Output,
        ImmutableArray<StageOutput> Stages,
        ImmutableArray<string> Findings,
        long NonZeroPaddingLanes = 0,
        string? Note = null,
        string? Impl = null) : BackendOutput
    {
        public static Produced Of(Tensor output) => new(output, [], []);
    }

    /// <summary>The backend cannot run this case by design (unsupported dtype, rule does not apply).</summary>
    public sealed record NotApplicable(string Reason) : BackendOutput;

    /// <summary>The backend tried and failed (build error, native error); the run goes on.</summary>
    public sealed record Failed(string Message) : BackendOutput;
}

/// <summary>An intermediate tensor of a multi-stage backend, named by its stage.</summary>
public sealed record StageOutput(string Stage, Tensor Tensor);
