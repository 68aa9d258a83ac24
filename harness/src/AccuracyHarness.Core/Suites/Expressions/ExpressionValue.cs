namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>What an expression evaluates to: numbers, truth values (one per axis) or a symbolic value.</summary>
internal abstract record ExpressionValue
{
    /// <summary>The value as a condition: true when it holds on every axis.</summary>
    public abstract bool AsBool();
}
