namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary><c>not</c>.</summary>
internal sealed record NotNode(ExpressionNode Operand) : ExpressionNode
{
    public override bool IsBoolean => true;
}
