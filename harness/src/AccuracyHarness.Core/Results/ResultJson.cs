using System.Text;
using System.Text.Json;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// results.jsonl: one JSON object a line, one line a result, in the order results finish.
/// Non-finite numbers are written as the strings "Infinity", "-Infinity" and "NaN". The fields
/// of the first version keep their meaning (<c>message</c> is <see cref="ResultText.Message"/>,
/// <c>repro</c> the full command); the structured fields added since are read when present, so
/// lines written before them still load.
/// </summary>
public static class ResultJson
{
    /// <summary>The file's name in a run's folder.</summary>
    public const string FileName = "results.jsonl";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public static string ToLine(CaseResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("case_id", r.CaseId);
            w.WriteString("backend", r.Backend);
            w.WriteString("device", r.Device);
            w.WriteString("dtype", r.DataType);
            w.WriteString("layout", r.Layout);
            w.WriteString("status", StatusNames.Of(r.Status));
            Number(w, "max_abs_err", r.MaxAbsErr);
            Number(w, "max_rel_err", r.MaxRelErr);
            w.WriteNumber("max_ulp", r.MaxUlp);
            Number(w, "bound_ratio", r.BoundRatio);
            w.WriteNumber("mismatches", r.Mismatches);
            w.WriteNumber("elements", r.Elements);
            w.WriteString("diagnosis", r.Diagnosis);
            w.WriteString("stage", r.Stage);
            w.WriteString("location", r.Location);
            w.WriteString("message", ResultText.Message(r));
            w.WriteString("worst", r.Worst);
            Number(w, "seconds", r.Seconds);
            w.WriteString("source", r.Source);
            w.WriteString("repro", r.Repro);
            w.WriteString("repro_args", r.ReproArguments);
            if (r.Map is { } map) w.WriteString("map", map.Encode());
            w.WriteString("own_message", r.Message);
            w.WriteString("diagnosis_kind", r.DiagnosisKind.ToString());
            w.WriteString("fault_model", r.FaultModel);
            Strings(w, "equally_fitting", r.EquallyFitting);
            w.WriteStartArray("known_issues");
            foreach (var issue in r.KnownIssues)
            {
                w.WriteStartObject();
                w.WriteString("kind", issue.Kind.ToString());
                w.WriteString("text", issue.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "findings", r.Findings);
            w.WriteStartArray("device_times");
            foreach (var time in r.DeviceTimes)
            {
                w.WriteStartObject();
                w.WriteString("stage", time.Stage);
                w.WriteNumber("ms", time.Milliseconds);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("impl", r.Impl);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static CaseResult FromLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        string S(string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
        double D(string name) => e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : v.GetDouble()
            : 0;
        long L(string name) => e.TryGetProperty(name, out var v) ? v.GetInt64() : 0;
        IEnumerable<JsonElement> A(string name) => e.TryGetProperty(name, out var v) ? v.EnumerateArray() : [];
        // A line from before the structured fields has its known issues and device times inside "message".
        var structured = e.TryGetProperty("own_message", out _);
        return new CaseResult
        {
            Case = CaseId.Parse(S("case_id")),
            Backend = S("backend"),
            Device = S("device"),
            Status = StatusNames.Parse(S("status")),
            MaxAbsErr = D("max_abs_err"),
            MaxRelErr = D("max_rel_err"),
            MaxUlp = L("max_ulp"),
            BoundRatio = D("bound_ratio"),
            Mismatches = L("mismatches"),
            Elements = L("elements"),
            Diagnosis = S("diagnosis"),
            Stage = S("stage"),
            Location = S("location"),
            Message = structured ? S("own_message") : S("message"),
            DiagnosisKind = structured ? Enum.Parse<DiagnosisKind>(S("diagnosis_kind")) : DiagnosisKind.None,
            FaultModel = S("fault_model"),
            EquallyFitting = A("equally_fitting").Select(v => v.GetString()!).ToList(),
            KnownIssues = A("known_issues").Select(v => new KnownIssue(
                Enum.Parse<KnownIssueKind>(v.GetProperty("kind").GetString()!), v.GetProperty("text").GetString()!)).ToList(),
            Findings = A("findings").Select(v => v.GetString()!).ToList(),
            DeviceTimes = A("device_times").Select(v =>
                new DeviceTime(v.GetProperty("stage").GetString()!, v.GetProperty("ms").GetDouble())).ToList(),
            Worst = S("worst"),
            Seconds = D("seconds"),
            Source = S("source"),
            ReproArguments = S("repro_args"),
            Impl = S("impl"),
            Map = Diagnosis.ErrorMap.Decode(S("map")),
        };
    }

    public static IReadOnlyList<CaseResult> ReadFile(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(FromLine).ToList();

    /// <summary>
    /// The results an interrupted run finished, for resuming it. A line cut short by the crash is
    /// the one result that was not finished: it is dropped from the file (so that new lines start
    /// clean) and told to <paramref name="dropped"/>; a result written twice is kept once.
    /// </summary>
    public static IReadOnlyList<CaseResult> RepairForResume(string path, Action<string> dropped)
    {
        var kept = new List<(string Line, CaseResult Result)>();
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            try
            {
                kept.Add((line, FromLine(line)));
            }
            catch (JsonException)
            {
                dropped(line);
            }
        }
        kept = kept.DistinctBy(k => k.Result.Key).ToList();
        File.WriteAllLines(path, kept.Select(k => k.Line));
        return kept.Select(k => k.Result).ToList();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
