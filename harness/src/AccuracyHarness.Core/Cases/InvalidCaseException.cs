namespace AccuracyHarness.Core.Cases;

/// <summary>A case that breaks a rule of the operator; names the field, its value and the rule.</summary>
public sealed class InvalidCaseException(string field, string value, string rule)
    : Exception($"invalid case: {field}={value}: {rule}")
{
    public string Field { get; } = field;

    public string Value { get; } = value;

    public string Rule { get; } = rule;
}
