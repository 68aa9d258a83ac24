namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>A number, or a list of numbers with one per axis.</summary>
internal sealed record NumberValue(double[] Values) : ExpressionValue
{
    public override bool AsBool() => throw new FormatException("a number is not a condition");
}
