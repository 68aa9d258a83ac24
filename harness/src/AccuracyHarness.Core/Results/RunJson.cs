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

    /// <summary>The run.json of a folder, or null when the folder has none (results from before it existed).</summary>
    public static RunInfo? TryRead(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var e = doc.RootElement;
        var environment = e.TryGetProperty("environment", out var env)
            ? env.EnumerateArray().Select(p => new KeyValuePair<string, string>(p.GetProperty("name").GetString() ?? "", p.GetProperty("value").GetString() ?? "")).ToList()
            : [];
        return new RunInfo(environment)
        {
            Started = e.TryGetProperty("started", out var s) ? s.GetDateTimeOffset() : null,
            CommandLine = e.TryGetProperty("command_line", out var c) ? c.GetString() ?? "" : "",
        };
    }
}
