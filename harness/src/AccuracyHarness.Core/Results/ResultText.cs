using System.Globalization;

namespace AccuracyHarness.Core.Results;

/// <summary>The texts the report formats write for a result's structured fields, so that every format says the same.</summary>
public static class ResultText
{
    /// <summary>The message column: the result's own message, then its known issues, then its device times.</summary>
    public static string Message(CaseResult r) =>
        string.Join("; ", new[] { r.Message, KnownIssues(r.KnownIssues), DeviceTimes(r.DeviceTimes) }.Where(s => s.Length > 0));

    public static string KnownIssues(IReadOnlyList<KnownIssue> issues) => string.Join("; ", issues.Select(i => i.Text));

    /// <summary>"device time: deconv 0.123 ms, ..." or empty.</summary>
    public static string DeviceTimes(IReadOnlyList<DeviceTime> times) => times.Count == 0
        ? ""
        : "device time: " + string.Join(", ", times.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Milliseconds:0.###} ms")));
}
