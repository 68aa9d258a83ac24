namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>A function over a list: <c>any</c> and <c>all</c> of conditions, <c>prod sum min max</c> of numbers.</summary>
internal sealed record CallNode(string Name, ExpressionNode Argument) : ExpressionNode
{
    public override bool IsBoolean => Name is "any" or "all";
}
