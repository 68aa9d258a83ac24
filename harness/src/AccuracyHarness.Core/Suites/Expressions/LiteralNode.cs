namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>A number or a per-axis list written like a case id's sizes (3x3).</summary>
internal sealed record LiteralNode(double[] Values) : ExpressionNode;
