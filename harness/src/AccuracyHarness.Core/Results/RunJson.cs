using System.Globalization;
using System.Text.Json;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// run.json, next to results.jsonl: the run's environment (in order), start time and command
/// line, so that `report` can render them again later.
/// </summary>
public static class RunJson
{
    public const string FileName = "run.json";

    public static void Write(RunInfo info, string directory)
    {
        using var stream = File.Create(Path.Combine(directory, FileName));
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        if (info.Started is { } started) w.WriteString("started", started);
        w.WriteString("command_line", info.CommandLine);
        w.WriteStartArray("environment");
        foreach (var (name, value) in info.Environment)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("value", value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// The run.json of a folder, or null when the folder has none (results from before it existed);
    /// a corrupt one is a <see cref="StoredFileException"/> naming the field.
    /// </summary>
    public static RunInfo? TryRead(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        using var doc = StoredFields.Parse(File.ReadAllText(path), path, null);
        var f = new StoredFields(doc.RootElement, path, null);
        var started = f.Word("started", text => text.Length == 0 ? (DateTimeOffset?)null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
            : throw new FormatException($"'{text}' is not a date and time (e.g. 2026-01-31T12:00:00+00:00)"));
        var environment = f.Objects("environment").Select(p => new KeyValuePair<string, string>(p.String("name"), p.String("value")));
        return new RunInfo(environment.ToList())
        {
            Started = started,
            CommandLine = f.String("command_line"),
        };
    }
}
