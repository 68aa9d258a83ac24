namespace AccuracyHarness.Core.Results;

/// <summary>
/// One row of the result table: case x backend x device. Immutable; every report format renders these
/// (<see cref="ResultText"/> says what they write). The parts are records of their own: what ran
/// (<see cref="Subject"/>), what was measured (<see cref="Metrics"/>) and why it diverges (<see cref="Diagnosis"/>).
/// </summary>
public sealed record CaseResult
{
    public required ResultSubject Subject { get; init; }
    public required Status Status { get; init; }

    /// <summary>
    /// Why a result is n/a or an error, why it fails besides mismatches (device findings included),
    /// and the backend's note on how it was obtained. Known issues and device times are fields of
    /// their own; <see cref="ResultText.Message"/> joins them all for the reports' message column.
    /// </summary>
    public string Message { get; init; } = "";

    public ResultMetrics Metrics { get; init; } = ResultMetrics.None;

    public ResultDiagnosis Diagnosis { get; init; } = ResultDiagnosis.None;

    /// <summary>The implementation the backend's library picked (oneDNN's impl info, e.g. "jit:avx2"); empty when none.</summary>
    public string Impl { get; init; } = "";

    /// <summary>
    /// The baseline entry that covers this failure or error (README: Nightly runs); null when none
    /// does. A known result keeps its status; the reports count and show it as known.
    /// </summary>
    public KnownEntry? Known { get; init; }

    /// <summary>
    /// The one way to make an error result: a case that does not resolve, a backend that threw or timed out,
    /// or a worker process that died running it.
    /// </summary>
    public static CaseResult Error(ResultSubject subject, string message, double seconds = 0) => new()
    {
        Subject = subject,
        Status = Status.Error,
        Message = message,
        Metrics = new ResultMetrics { Seconds = seconds },
    };

    /// <summary>A failure or error that the baseline expects: it does not make the run fail.</summary>
    public bool IsKnown => Known is not null && Status is Status.Fail or Status.Error;

    public string CaseId => Subject.Case.Id;

    /// <summary>The key a resumed run matches on.</summary>
    public ResultKey Key => Subject.Key;
}
