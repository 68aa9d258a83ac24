namespace AccuracyHarness.Core.Suites.Expressions;

/// <summary>A value of a symbolic parameter (<paramref name="Kind"/> dtype, layout, fill or ap), by its canonical name.</summary>
internal sealed record SymbolValue(string Kind, string Name) : ExpressionValue
{
    public override bool AsBool() => throw new FormatException($"{Kind} is not a condition");
}
