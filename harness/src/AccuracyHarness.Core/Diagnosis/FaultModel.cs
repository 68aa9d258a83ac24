using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// A known fault, as a variant of the reference (docs/ARCHITECTURE.md section 8): one small type per
/// model under <c>Diagnosis/Faults</c>, listed by <see cref="FaultCatalogue"/> under its name.
/// </summary>
public abstract class FaultModel(string name, string description)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Whether the fault can change this case's output; decided before any variant of the reference runs.</summary>
    public abstract bool AppliesTo(Problem p, CaseInputs inputs);

    /// <summary>The concrete faults the model proposes for a case it applies to (one per axis or alternative, say).</summary>
    protected abstract IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs);

    /// <summary>
    /// Whether the model's predictions are of this case's kind. Variants of the sum go through the case's epilogue
    /// (scales, bias, post-ops, requantization) and predict every kind; a model of quantized arithmetic predicts
    /// quantized cases only, one of float accumulation float cases only.
    /// </summary>
    protected virtual bool Predicts(DeconvCase c) => true;

    /// <summary>The model's hypotheses for the case; nothing, and nothing run, where it cannot apply.</summary>
    public IEnumerable<Hypothesis> Propose(Problem p, CaseInputs inputs) =>
        Predicts(p.Case) && AppliesTo(p, inputs) ? Hypotheses(p, inputs) : [];

    protected Hypothesis Hypothesis(string detail, Prediction prediction) => new(Name, detail, prediction);
}
