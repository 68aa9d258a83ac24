using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.OpenCL.Devices;

namespace AccuracyHarness.OpenCL.Mutants;

/// <summary>
/// A deliberately faulty variant of the project's own kernels or replacement rules, with the
/// diagnosis the harness should give it: the proof that comparison and diagnosis work.
/// </summary>
/// <param name="Expected">A fault model name (<see cref="FaultCatalogue"/>) or <see cref="ResultEvaluator.DeviceFinding"/>.</param>
/// <param name="Device">The device that can see the fault (Oclgrind for invalid accesses).</param>
public sealed record Mutant(string Name, string Description, string Expected, string Device, Func<OpenClDevice, IBackend> Create);
