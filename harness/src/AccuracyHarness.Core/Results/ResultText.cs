using System.Globalization;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Results;

/// <summary>The texts the report formats write for a result's structured fields, so that every format says the same.</summary>
public static class ResultText
{
    /// <summary>The message column: the result's own message, then its known issues, then its device times.</summary>
    public static string Message(CaseResult r) =>
        string.Join("; ", new[] { r.Message, KnownIssues(r.Diagnosis.KnownIssues), DeviceTimes(r.Metrics.DeviceTimes) }
            .Where(s => s.Length > 0));

    public static string KnownIssues(IReadOnlyList<KnownIssue> issues) => string.Join("; ", issues.Select(i => i.Text));

    /// <summary>"device time: deconv 0.123 ms, ..." or empty.</summary>
    public static string DeviceTimes(IReadOnlyList<DeviceTime> times) => times.Count == 0
        ? ""
        : "device time: " + string.Join(", ", times.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Milliseconds:0.###} ms")));

    /// <summary>The data type column ("f32").</summary>
    public static string DataType(CaseResult r) => r.Subject.Case.Types.Name;

    /// <summary>The layout column: the exact name for the case's rank ("bfyx").</summary>
    public static string Layout(CaseResult r) => Names.ExactLayout(r.Subject.Case.Layout, r.Subject.Case.Rank);

    /// <summary>The baseline entry of a known result, or empty.</summary>
    public static string Known(CaseResult r) => r.IsKnown ? r.Known!.ToString() : "";

    /// <summary>
    /// What every report says about a result, as labelled lines in a fixed order (empty ones left
    /// out): diagnosis, location, stage, message, the error metrics of a failure, the worst element.
    /// </summary>
    public static IReadOnlyList<(string Label, string Value)> Explanation(CaseResult r)
    {
        var d = r.Diagnosis;
        var m = r.Metrics;
        return new (string Label, string Value)[]
        {
            ("known divergence", Known(r)),
            ("diagnosis", d.Text),
            ("location", d.Location),
            ("stage", d.Stage),
            ("impl", r.Impl),
            ("message", Message(r)),
            ("errors", r.Status == Status.Fail ? Errors(m) : ""),
            ("worst element", m.Worst.Length > 0 ? $"n,c,spatial = {m.Worst}" : ""),
        }.Where(item => item.Value.Length > 0).ToList();
    }

    private static string Errors(ResultMetrics m)
    {
        static string Number(double v) => double.IsPositiveInfinity(v) ? "∞" : v.ToString("G3", CultureInfo.InvariantCulture);
        var ulp = m.MaxUlp == long.MaxValue ? "∞" : m.MaxUlp.ToString(CultureInfo.InvariantCulture);
        return $"bound ratio {Number(m.BoundRatio)}, max abs {Number(m.MaxAbsErr)}, max rel {Number(m.MaxRelErr)}, max ulp {ulp}, " +
            $"{m.Mismatches} of {m.Elements} elements outside the bound";
    }
}
