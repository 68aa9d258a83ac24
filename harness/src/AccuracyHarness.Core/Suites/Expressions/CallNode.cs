namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>
/// A function: <c>any</c> and <c>all</c> of conditions, <c>prod sum min max</c> of a list (or <c>min max</c> of two
/// numbers), and for problem expressions <c>align(x, m)</c>, <c>ceil(x)</c>, <c>floor(x)</c>.
/// </summary>
internal sealed record CallNode(string Name, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode
{
    public override bool IsBoolean => Name is "any" or "all";
}
