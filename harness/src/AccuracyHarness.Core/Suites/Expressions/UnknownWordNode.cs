namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>A word that is no parameter: a value of a symbolic parameter, or a mistake.</summary>
internal sealed record UnknownWordNode(string Name, int Position) : ExpressionNode;
