using System.Text;
using System.Text.Json;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// results.jsonl: one JSON object a line, one line a result, in the order results finish.
/// Non-finite numbers are written as the strings "Infinity", "-Infinity" and "NaN". The fields
/// of the first version keep their meaning (<c>message</c> is <see cref="ResultText.Message"/>,
/// <c>repro</c> the full command); the structured fields added since are read when present, so
/// lines written before them still load. A line that does not read back is a
/// <see cref="StoredFileException"/> naming the file, the line and the field.
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
            var (s, m, d) = (r.Subject, r.Metrics, r.Diagnosis);
            w.WriteString("case_id", r.CaseId);
            w.WriteString("backend", s.Backend);
            w.WriteString("device", s.Device);
            w.WriteString("dtype", ResultText.DataType(r));
            w.WriteString("layout", ResultText.Layout(r));
            w.WriteString("status", StatusNames.Of(r.Status));
            Number(w, "max_abs_err", m.MaxAbsErr);
            Number(w, "max_rel_err", m.MaxRelErr);
            w.WriteNumber("max_ulp", m.MaxUlp);
            Number(w, "bound_ratio", m.BoundRatio);
            w.WriteNumber("mismatches", m.Mismatches);
            w.WriteNumber("elements", m.Elements);
            w.WriteString("diagnosis", d.Text);
            w.WriteString("stage", d.Stage);
            w.WriteString("location", d.Location);
            w.WriteString("message", ResultText.Message(r));
            w.WriteString("worst", m.Worst);
            Number(w, "seconds", m.Seconds);
            w.WriteString("source", s.Source);
            w.WriteString("repro", ReproLine.Of(s));
            w.WriteString("repro_args", s.ReproArguments);
            if (d.Map is { } map) w.WriteString("map", map.Encode());
            w.WriteString("own_message", r.Message);
            w.WriteString("diagnosis_kind", d.Kind.ToString());
            w.WriteString("fault_model", d.FaultModel);
            Strings(w, "equally_fitting", d.EquallyFitting);
            w.WriteStartArray("explanations");
            foreach (var e in d.Explanations)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("detail", e.Detail);
                Number(w, "share", e.Share);
                w.WriteNumber("residual", e.Residual);
                w.WriteBoolean("exact", e.Exact);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("known_issues");
            foreach (var issue in d.KnownIssues)
            {
                w.WriteStartObject();
                w.WriteString("kind", issue.Kind.ToString());
                w.WriteString("text", issue.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "findings", d.Findings);
            w.WriteStartArray("device_times");
            foreach (var time in m.DeviceTimes)
            {
                w.WriteStartObject();
                w.WriteString("stage", time.Stage);
                w.WriteNumber("ms", time.Milliseconds);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("impl", r.Impl);
            w.WriteString("known", r.Known?.ToString() ?? "");
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One line back into a result; <paramref name="file"/> and <paramref name="lineNumber"/> name it in errors.</summary>
    public static CaseResult FromLine(string line, string file = FileName, int? lineNumber = null)
    {
        using var doc = StoredFields.Parse(line, file, lineNumber);
        var f = new StoredFields(doc.RootElement, file, lineNumber);
        // A line from before the structured fields has its known issues and device times inside "message".
        var structured = f.Has("own_message");
        var result = new CaseResult
        {
            Subject = new ResultSubject(
                f.Word("case_id", CaseId.Parse, required: true),
                f.String("backend", required: true),
                f.String("device", required: true),
                f.String("source"),
                f.String("repro_args")),
            Status = f.Word("status", StatusNames.Parse, required: true),
            Message = structured ? f.String("own_message") : f.String("message"),
            Metrics = new ResultMetrics
            {
                MaxAbsErr = f.Double("max_abs_err"),
                MaxRelErr = f.Double("max_rel_err"),
                MaxUlp = f.Long("max_ulp"),
                BoundRatio = f.Double("bound_ratio"),
                Mismatches = f.Long("mismatches"),
                Elements = f.Long("elements"),
                Worst = f.String("worst"),
                Seconds = f.Double("seconds"),
                DeviceTimes = f.Objects("device_times").Select(t => new DeviceTime(t.String("stage"), t.Double("ms"))).ToList(),
            },
            Diagnosis = new ResultDiagnosis
            {
                Text = f.String("diagnosis"),
                Kind = structured ? f.Enum<DiagnosisKind>("diagnosis_kind") : DiagnosisKind.None,
                FaultModel = f.String("fault_model"),
                EquallyFitting = f.Strings("equally_fitting"),
                Explanations = f.Objects("explanations")
                    .Select(e => new Explanation(e.String("name"), e.String("detail"), e.Double("share"), e.Long("residual"),
                        e.Bool("exact"))).ToList(),
                KnownIssues = f.Objects("known_issues")
                    .Select(i => new KnownIssue(i.Enum<KnownIssueKind>("kind"), i.String("text"))).ToList(),
                Findings = f.Strings("findings"),
                Stage = f.String("stage"),
                Location = f.String("location"),
                Map = f.Word("map", DecodeMap),
            },
            Impl = f.String("impl"),
            Known = f.Word("known", text => text.Length == 0 ? null : KnownEntry.Parse(text)),
        };
        // Only a case that resolved has an output to map; the report draws the map over that output.
        if (result.Diagnosis.Map is not null && !Resolves(result.Subject.Case, out var why))
            throw f.Error("case_id", $"{why} (a result with a heat map needs a valid case)");
        return result;
    }

    private static bool Resolves(DeconvCase c, out string why)
    {
        try
        {
            c.Resolve();
            why = "";
            return true;
        }
        catch (InvalidCaseException e)
        {
            why = e.Message;
            return false;
        }
    }

    /// <summary>Every result of a results.jsonl; any line that does not read back is an error naming it.</summary>
    public static IReadOnlyList<CaseResult> ReadFile(string path) =>
        Lines(path).Lines.Select(l => FromLine(l.Text, path, l.Number)).ToList();

    /// <summary>
    /// The results an interrupted run finished, for resuming it. A last line cut short by the crash
    /// (not valid JSON, no newline after it) is the one result that was not finished: it is dropped
    /// from the file (so that new lines start clean) and told to <paramref name="dropped"/>; a
    /// result written twice is kept once. Any other line that does not read back is an error
    /// naming it: resuming past it would lose or duplicate results.
    /// </summary>
    public static IReadOnlyList<CaseResult> RepairForResume(string path, Action<string> dropped)
    {
        var (lines, cutShort) = Lines(path);
        var kept = new List<(string Line, CaseResult Result)>();
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                kept.Add((lines[i].Text, FromLine(lines[i].Text, path, lines[i].Number)));
            }
            catch (StoredFileException) when (cutShort && i == lines.Count - 1 && !IsJson(lines[i].Text))
            {
                dropped(lines[i].Text);
            }
        }
        kept = kept.DistinctBy(k => k.Result.Key).ToList();
        File.WriteAllLines(path, kept.Select(k => k.Line));
        return kept.Select(k => k.Result).ToList();
    }

    /// <summary>The non-blank lines with their numbers, and whether the last one lacks its newline (a write cut short).</summary>
    private static (IReadOnlyList<(string Text, int Number)> Lines, bool CutShort) Lines(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n').Select((l, i) => (Text: l.TrimEnd('\r'), Number: i + 1)).Where(l => l.Text.Trim().Length > 0).ToList();
        return (lines, text.Length > 0 && !text.EndsWith('\n'));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The heat map's text form, checked: any malformed part is a <see cref="FormatException"/>.</summary>
    private static Diagnosis.ErrorMap? DecodeMap(string text)
    {
        Diagnosis.ErrorMap? map;
        try
        {
            map = Diagnosis.ErrorMap.Decode(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new FormatException($"'{Clip(text)}' is not a heat map (ROWSxCOLUMNS;CHANNEL:V,V,...;...)");
        }
        if (map is not null && (map.Rows < 1 || map.Columns < 1 || map.Channels.Any(c => c < 0)
                || map.Cells.Any(c => c.Length != map.Rows * map.Columns)))
            throw new FormatException($"'{Clip(text)}': every channel needs ROWS x COLUMNS values");
        return map;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "..." : text;

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
