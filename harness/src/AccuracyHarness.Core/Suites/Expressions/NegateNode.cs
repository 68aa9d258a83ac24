namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>Unary minus.</summary>
internal sealed record NegateNode(ExpressionNode Operand) : ExpressionNode;
