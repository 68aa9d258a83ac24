namespace AccuracyHarness.Core.Rewrite;

/// <summary>A rule's answer for a case: a plan, or why it does not apply.</summary>
public sealed record RuleDecision(ConvPlan? Plan, string? NotApplicable)
{
    public static RuleDecision Apply(ConvPlan plan) => new(plan, null);

    public static RuleDecision Skip(string reason) => new(null, reason);
}
