namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>One of + - * / % applied axis by axis.</summary>
internal sealed record ArithmeticNode(char Op, ExpressionNode Left, ExpressionNode Right) : ExpressionNode;
