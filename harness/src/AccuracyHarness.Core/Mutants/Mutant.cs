using AccuracyHarness.Core.Backends;

namespace AccuracyHarness.Core.Mutants;

/// <summary>
/// A deliberately faulty variant of one of the project's backends (a kernel, a rule, a mapping
/// onto a library), with the diagnosis the harness should give it: the proof that comparison and
/// diagnosis work. Each backend family keeps its own catalogue of them.
/// </summary>
/// <param name="Expected">
/// A fault model name (<see cref="Diagnosis.FaultCatalogue"/>) or <see cref="Comparison.ResultEvaluator.DeviceFinding"/>.
/// </param>
/// <param name="Device">The device that can see the fault (Oclgrind for invalid accesses).</param>
/// <param name="Create">Makes the faulty backend; may throw when its device is missing.</param>
public sealed record Mutant(string Name, string Description, string Expected, string Device, Func<IBackend> Create);
