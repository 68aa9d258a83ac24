namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>The result of a comparison, per axis for lists.</summary>
internal sealed record BooleanValue(bool[] Values) : ExpressionValue
{
    public override bool AsBool() => Values.All(v => v);
}
