using System.Text.RegularExpressions;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// What "the same verdict" compares, for <c>--repeat</c> (<see cref="Running.Repeats"/>) and for shrinking: the status
/// and, for a failure, what its diagnosis rests on: its kind, the fault model it names (explained or closest
/// alike: the detail and element counts change as a case shrinks or a run repeats), or the kinds of known
/// issue; for an error, its message's first line with numbers blanked (sizes in it change too). The
/// diagnosis sentence, metrics and location are left out: they carry numbers that differ between equal verdicts.
/// </summary>
public sealed partial record Verdict
{
    private Verdict(Status status, DiagnosisKind kind, string faultModel, IReadOnlyList<KnownIssueKind> knownIssueKinds, string error)
    {
        Status = status;
        Kind = kind;
        FaultModel = faultModel;
        KnownIssueKinds = knownIssueKinds;
        Error = error;
    }

    public Status Status { get; }

    /// <summary>What a failure's diagnosis rests on; <see cref="DiagnosisKind.FaultModel"/> also for the closest model.</summary>
    public DiagnosisKind Kind { get; }

    /// <summary>The fault model a failure names; empty for other kinds.</summary>
    public string FaultModel { get; }

    /// <summary>The kinds of known issue a failure names, each once; empty for other kinds.</summary>
    public IReadOnlyList<KnownIssueKind> KnownIssueKinds { get; }

    /// <summary>An error's message: its first line, numbers blanked; empty for other statuses.</summary>
    public string Error { get; }

    public static Verdict Of(CaseResult r) => r.Status switch
    {
        Status.Fail => r.Diagnosis switch
        {
            { Kind: DiagnosisKind.FaultModel or DiagnosisKind.ClosestFaultModel } d =>
                new(r.Status, DiagnosisKind.FaultModel, d.FaultModel, [], ""),
            { Kind: DiagnosisKind.KnownIssue } d => new(r.Status, d.Kind, "", d.KnownIssues.Select(k => k.Kind).Distinct().ToList(), ""),
            var d => new(r.Status, d.Kind, "", [], ""),
        },
        Status.Error => new(r.Status, DiagnosisKind.None, "", [], Digits().Replace(r.Message.Split('\n')[0], "N")),
        var status => new(status, DiagnosisKind.None, "", [], ""),
    };

    public bool Equals(Verdict? other) =>
        other is not null && (Status, Kind, FaultModel, Error) == (other.Status, other.Kind, other.FaultModel, other.Error)
        && KnownIssueKinds.SequenceEqual(other.KnownIssueKinds);

    public override int GetHashCode() => HashCode.Combine(Status, Kind, FaultModel, Error, KnownIssueKinds.Count);

    /// <summary>
    /// "fail: MODEL", "fail: known KIND, ...", "fail: KIND", "error: MESSAGE" or the status: how an
    /// unstable result lists its verdicts.
    /// </summary>
    public override string ToString() => Status switch
    {
        Status.Fail => "fail: " + Kind switch
        {
            DiagnosisKind.FaultModel => FaultModel,
            DiagnosisKind.KnownIssue => "known " + string.Join(", ", KnownIssueKinds),
            var kind => kind.ToString(),
        },
        Status.Error => "error: " + Error,
        _ => StatusNames.Of(Status),
    };

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
