using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Rewrite;

/// <summary>
/// Decides whether and how the replaced backends (<c>opencl-replaced</c>, <c>onednn-replaced</c>)
/// rewrite a case (docs/ARCHITECTURE.md section 4).
/// </summary>
public interface IReplacementRule
{
    string Name { get; }

    string Description { get; }

    RuleDecision Decide(Problem p, bool zeroInsertion);
}
