namespace AccuracyHarness.Core.Results;

/// <summary>Why a backend's output may legitimately differ from the reference.</summary>
public enum KnownIssueKind
{
    /// <summary>The specification and the implementation read the operator differently.</summary>
    Ambiguity,

    /// <summary>A known defect of the implementation.</summary>
    Defect,
}
