using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;

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

    /// <summary>
    /// Counters of the work the backend's native cache saved or repeated (programs built, sessions created and reused), for
    /// benchmarks. Named by the cache: backends that share one report the same counters, which count once.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, long>> Counters => [];

    /// <summary>Runs one case. Called concurrently from several threads: implementations guard shared state.</summary>
    BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation);
}
