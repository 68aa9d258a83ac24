using System.Text;
using System.Text.Json;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// results.jsonl: one JSON object a line, one line a result, in the order results finish.
/// Non-finite numbers are written as the strings "Infinity", "-Infinity" and "NaN".
/// </summary>
public static class ResultJson
{
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
            w.WriteString("message", r.Message);
            w.WriteString("worst", r.Worst);
            Number(w, "seconds", r.Seconds);
            w.WriteString("source", r.Source);
            w.WriteString("repro", r.Repro);
            w.WriteString("repro_args", r.ReproArguments);
            w.WriteString("impl", r.Impl);
            if (r.Map is { } map) w.WriteString("map", map.Encode());
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
            Message = S("message"),
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

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Appends each case's results to results.jsonl and flushes them, so a crash loses no finished case.</summary>
public sealed class JsonLinesWriter : Running.IRunObserver, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public JsonLinesWriter(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    public void OnCase(IReadOnlyList<CaseResult> results)
    {
        lock (_gate)
        {
            foreach (var result in results) _writer.WriteLine(ResultJson.ToLine(result));
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
