namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>A bare word compared with a symbolic parameter (dtype == f16), resolved at parse time.</summary>
internal sealed record WordNode(string Kind, string Name) : ExpressionNode;
