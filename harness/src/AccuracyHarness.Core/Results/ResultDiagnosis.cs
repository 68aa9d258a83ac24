using AccuracyHarness.Core.Diagnosis;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// Where and why a result diverges (docs/ARCHITECTURE.md section 8): the sentence and the fields it rests on, which
/// code reads instead of the sentence. Known issues and device findings come from the backend whatever the numbers.
/// </summary>
public sealed record ResultDiagnosis
{
    public static ResultDiagnosis None { get; } = new();

    /// <summary>The fault that explains a failure, or a known issue, in one sentence; empty when none.</summary>
    public string Text { get; init; } = "";

    /// <summary>What <see cref="Text"/> rests on; consumers branch on this and the fields below, never on the text.</summary>
    public DiagnosisKind Kind { get; init; }

    /// <summary>The fault model that reproduces the output (or comes closest); empty when none.</summary>
    public string FaultModel { get; init; } = "";

    /// <summary>Other fault models that reproduce the output just as well (this case cannot tell them apart).</summary>
    public IReadOnlyList<string> EquallyFitting { get; init; } = [];

    /// <summary>The explanations tried, best first: exact ones (the diagnosis and its equals), then the closest partial ones.</summary>
    public IReadOnlyList<Explanation> Explanations { get; init; } = [];

    /// <summary>Divergences the backend knows it has on this case.</summary>
    public IReadOnlyList<KnownIssue> KnownIssues { get; init; } = [];

    /// <summary>Problems the device reported (e.g. Oclgrind's invalid accesses), whatever the numbers.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>The first pipeline stage that diverges, for multi-stage backends.</summary>
    public string Stage { get; init; } = "";

    /// <summary>Where the mismatches are, in one sentence.</summary>
    public string Location { get; init; } = "";

    /// <summary>Where the error is, for heat maps (failing results only).</summary>
    public ErrorMap? Map { get; init; }
}
