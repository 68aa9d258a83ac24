using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Commands;

/// <summary>
/// What `run` was given, read once from the command line by <see cref="RunArguments.Read"/>: the
/// case sources, the backends (null: the defaults) and devices, how cases run and which ones.
/// </summary>
/// <param name="Out">--out as given (a worker writes its dumps there).</param>
/// <param name="Worker">Whether this process serves a parent run's cases (--isolate).</param>
public sealed record RunInputs(
    IReadOnlyList<string> Suites,
    IReadOnlyList<string> Cases,
    IReadOnlyList<string>? Backends,
    IReadOnlyList<string> Devices,
    RunOptions Options,
    CaseFilter Filter,
    string? Out,
    string? Resume,
    bool Isolate,
    string? Baseline,
    bool Worker);
