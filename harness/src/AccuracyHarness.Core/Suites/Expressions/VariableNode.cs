namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>One of the names of <see cref="SuiteExpression.Names"/>.</summary>
internal sealed record VariableNode(string Name) : ExpressionNode;
