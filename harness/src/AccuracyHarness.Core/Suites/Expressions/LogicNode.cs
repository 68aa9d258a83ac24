namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary><c>and</c> or <c>or</c>, which stop as soon as the answer is known.</summary>
internal sealed record LogicNode(string Op, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override bool IsBoolean => true;
}
