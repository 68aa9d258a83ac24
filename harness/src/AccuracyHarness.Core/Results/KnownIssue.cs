namespace AccuracyHarness.Core.Results;

/// <summary>
/// A divergence a backend knows it has for a case, in its own words (e.g. "known ambiguity: axis 0:
/// ..."): a failing result that has one is diagnosed with it rather than with a fault model.
/// </summary>
public sealed record KnownIssue(KnownIssueKind Kind, string Text);
