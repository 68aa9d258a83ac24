namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>A node of an expression's syntax tree.</summary>
internal abstract record ExpressionNode
{
    /// <summary>Whether the node is a condition (true or false) rather than a number or a name.</summary>
    public virtual bool IsBoolean => false;
}
