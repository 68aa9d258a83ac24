using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Reports.Runs;

/// <summary>
/// A result whose outcome changed since an earlier run; <paramref name="Before"/> is null for a key the earlier run lacked.
/// </summary>
public sealed record StatusChange(CaseResult Now, Status? Before);
