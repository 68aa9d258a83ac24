namespace AccuracyHarness.Core.Results;

/// <summary>What identifies a result within a run: case, backend and device.</summary>
public sealed record ResultKey(string CaseId, string Backend, string Device)
{
    public override string ToString() => $"{CaseId} on {Backend}@{Device}";
}
