namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>One of == != &lt; &lt;= &gt; &gt;=, axis by axis (<c>any</c> needs only one axis to hold).</summary>
internal sealed record ComparisonNode(string Op, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public override bool IsBoolean => true;
}
