using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Commands;

/// <summary>A run's validated inputs: how cases run, which cases, and which backends on which devices (null: the defaults).</summary>
public sealed record RunPlan(RunOptions Options, CaseFilter Filter, IReadOnlyList<string>? Backends, IReadOnlyList<string> Devices);
