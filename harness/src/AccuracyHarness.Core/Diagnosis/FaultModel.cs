using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>A known fault, as a variant of the reference. Proposes nothing where it cannot apply.</summary>
public sealed record FaultModel(string Name, string Description, Func<Problem, CaseInputs, IEnumerable<Hypothesis>> Propose);
