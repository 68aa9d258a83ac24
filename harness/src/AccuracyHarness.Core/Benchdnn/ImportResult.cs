namespace AccuracyHarness.Core.Benchdnn;

public sealed record ImportResult(
    IReadOnlyList<ImportedCase> Cases,
    IReadOnlyList<RejectedLine> Rejected,
    IReadOnlyList<string> IgnoredOptions);
