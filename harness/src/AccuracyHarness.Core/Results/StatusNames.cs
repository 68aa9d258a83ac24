namespace AccuracyHarness.Core.Results;

/// <summary>The status column's words.</summary>
public static class StatusNames
{
    public static string Of(Status s) => s switch
    {
        Status.Pass => "pass",
        Status.Fail => "fail",
        Status.Error => "error",
        Status.NotApplicable => "n/a",
        Status.Unstable => "unstable",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static Status Parse(string text) => text switch
    {
        "pass" => Status.Pass,
        "fail" => Status.Fail,
        "error" => Status.Error,
        "n/a" => Status.NotApplicable,
        "unstable" => Status.Unstable,
        _ => throw new FormatException($"'{text}' is not pass, fail, error, n/a or unstable"),
    };
}
