using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Running;

/// <summary>The outcome of a shrink: the minimal case found, every step that got there, and how many candidates were tried.</summary>
public sealed record ShrinkOutcome(DeconvCase Original, DeconvCase Minimal, IReadOnlyList<DeconvCase> Steps, int Tried, bool Exhausted)
{
    /// <summary>Elements of input, weights and output together: the size a person has to look at.</summary>
    public static long Elements(DeconvCase c)
    {
        var p = c.Resolve();
        return p.InputShape.Product() + p.WeightShape.Product() + p.OutputShape.Product();
    }
}
