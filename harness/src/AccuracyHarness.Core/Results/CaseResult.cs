using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// One row of the result table: case x backend x device. Immutable; every report format
/// renders these. Error metrics are zero for results that produced no output.
/// </summary>
public sealed record CaseResult
{
    public required DeconvCase Case { get; init; }
    public required string Backend { get; init; }
    public required string Device { get; init; }
    public required Status Status { get; init; }
    public double MaxAbsErr { get; init; }
    public double MaxRelErr { get; init; }
    public long MaxUlp { get; init; }
    public double BoundRatio { get; init; }
    public long Mismatches { get; init; }
    public long Elements { get; init; }

    /// <summary>The fault that explains a failure, or a known issue, in one sentence; empty when none.</summary>
    public string Diagnosis { get; init; } = "";

    /// <summary>What <see cref="Diagnosis"/> rests on; consumers branch on this and the fields below, never on its text.</summary>
    public DiagnosisKind DiagnosisKind { get; init; }

    /// <summary>The fault model that reproduces the output (or comes closest); empty when none.</summary>
    public string FaultModel { get; init; } = "";

    /// <summary>Other fault models that reproduce the output just as well (this case cannot tell them apart).</summary>
    public IReadOnlyList<string> EquallyFitting { get; init; } = [];

    /// <summary>Divergences the backend knows it has on this case.</summary>
    public IReadOnlyList<KnownIssue> KnownIssues { get; init; } = [];

    /// <summary>Problems the device reported (e.g. Oclgrind's invalid accesses), whatever the numbers.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>Device time of each launch of the backend's stages.</summary>
    public IReadOnlyList<DeviceTime> DeviceTimes { get; init; } = [];

    /// <summary>The first pipeline stage that diverges, for multi-stage backends.</summary>
    public string Stage { get; init; } = "";

    /// <summary>Where the mismatches are, in one sentence.</summary>
    public string Location { get; init; } = "";

    /// <summary>
    /// Why a result is n/a or an error, why it fails besides mismatches (device findings included),
    /// and the backend's note on how it was obtained. Known issues and device times are fields of
    /// their own; <see cref="ResultText.Message"/> joins them all for the reports' message column.
    /// </summary>
    public string Message { get; init; } = "";

    /// <summary>Logical coordinates of the worst element, "n,c,spatial...", or empty.</summary>
    public string Worst { get; init; } = "";
    public double Seconds { get; init; }

    /// <summary>Where the error is, for heat maps (failing results only); see <see cref="Diagnosis.ErrorMap"/>.</summary>
    public Diagnosis.ErrorMap? Map { get; init; }

    /// <summary>Where the case came from (suite file and line, or the command line).</summary>
    public string Source { get; init; } = "";

    /// <summary>The implementation the backend's library picked (oneDNN's impl info, e.g. "jit:avx2"); empty when none.</summary>
    public string Impl { get; init; } = "";

    /// <summary>
    /// The baseline entry that covers this failure or error (README: Nightly runs); null when none
    /// does. A known result keeps its status; the reports count and show it as known.
    /// </summary>
    public KnownEntry? Known { get; init; }

    /// <summary>A failure or error that the baseline expects: it does not make the run fail.</summary>
    public bool IsKnown => Known is not null && Status is Status.Fail or Status.Error;

    public string CaseId => Case.Id;

    public string DataType => Names.Of(Case.DataType);

    public string Layout => Names.ExactLayout(Case.Layout, Case.Rank);

    /// <summary>The backend's own configuration for the repro line (<see cref="Backends.IBackend.ReproArguments"/>).</summary>
    public string ReproArguments { get; init; } = "";

    /// <summary>A complete command that runs this case on this backend and device again (<see cref="ReproLine"/>).</summary>
    public string Repro => ReproLine.Of(CaseId, Backend, Device, ReproArguments);

    /// <summary>
    /// What every report says about a result, as labelled lines in a fixed order (empty ones left
    /// out): diagnosis, location, stage, message, the error metrics of a failure, the worst element.
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> Explanation()
    {
        static string Number(double v) =>
            double.IsPositiveInfinity(v) ? "∞" : v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
        var ulp = MaxUlp == long.MaxValue ? "∞" : MaxUlp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var errors = Status == Status.Fail
            ? $"bound ratio {Number(BoundRatio)}, max abs {Number(MaxAbsErr)}, max rel {Number(MaxRelErr)}, max ulp {ulp}, " +
                $"{Mismatches} of {Elements} elements outside the bound"
            : "";
        return new (string Label, string Value)[]
        {
            ("known divergence", IsKnown ? Known!.ToString() : ""),
            ("diagnosis", Diagnosis),
            ("location", Location),
            ("stage", Stage),
            ("impl", Impl),
            ("message", ResultText.Message(this)),
            ("errors", errors),
            ("worst element", Worst.Length > 0 ? $"n,c,spatial = {Worst}" : ""),
        }.Where(item => item.Value.Length > 0).ToList();
    }

    /// <summary>The key a resumed run matches on.</summary>
    public ResultKey Key => new(CaseId, Backend, Device);
}
