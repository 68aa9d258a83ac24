using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// Typed reads of one JSON object of a stored file: a missing optional field takes its default
/// (files written before it existed still load); a field of the wrong kind or value throws a
/// <see cref="StoredFileException"/> naming the file, the line and the field.
/// </summary>
internal sealed partial class StoredFields(JsonElement element, string file, int? line, string prefix = "")
{
    /// <summary>Parses one JSON object; syntax errors name the position and the field being read there.</summary>
    public static JsonDocument Parse(string text, string file, int? line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            var at = (int)Math.Min(e.BytePositionInLine ?? 0, text.Length);
            var field = FieldNames().Matches(text[..at]).LastOrDefault()?.Groups[1].Value ?? "json";
            var why = e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd();
            var where = line is null ? $"line {(e.LineNumber ?? 0) + 1}, " : "";
            throw new StoredFileException(file, line, field, $"not valid JSON ({where}byte {at + 1}): {why}");
        }
        var kind = document.RootElement.ValueKind;
        if (kind == JsonValueKind.Object) return document;
        document.Dispose();
        throw new StoredFileException(file, line, "json", $"expected a JSON object, got {Kind(kind)}");
    }

    public StoredFileException Error(string field, string problem) => new(file, line, prefix + field, problem);

    public bool Has(string name) => element.TryGetProperty(name, out _);

    public string String(string name, bool required = false)
    {
        if (!element.TryGetProperty(name, out var v)) return required ? throw Error(name, "is required") : "";
        if (v.ValueKind != JsonValueKind.String) throw Error(name, $"expected a string, got {Kind(v.ValueKind)}");
        var text = v.GetString()!;
        return required && text.Length == 0 ? throw Error(name, "must not be empty") : text;
    }

    /// <summary>A number; non-finite ones are stored as the strings "Infinity", "-Infinity" and "NaN".</summary>
    public double Double(string name)
    {
        if (!element.TryGetProperty(name, out var v)) return 0;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        if (v.ValueKind == JsonValueKind.String && v.GetString() is "Infinity" or "-Infinity" or "NaN")
            return double.Parse(v.GetString()!, CultureInfo.InvariantCulture);
        throw Error(name, $"expected a number (or \"Infinity\", \"-Infinity\", \"NaN\"), got {Show(v)}");
    }

    public bool Bool(string name)
    {
        if (!element.TryGetProperty(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"expected true or false, got {Show(v)}"),
        };
    }

    public long Long(string name)
    {
        if (!element.TryGetProperty(name, out var v)) return 0;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l)
            ? l
            : throw Error(name, $"expected a whole number, got {Show(v)}");
    }

    /// <summary>A word of a fixed set, through <paramref name="parse"/>, which throws <see cref="FormatException"/> on others.</summary>
    public T Word<T>(string name, Func<string, T> parse, bool required = false)
    {
        var text = String(name, required);
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw Error(name, e.Message);
        }
    }

    /// <summary>A name of <typeparamref name="T"/>'s members, exactly as written (no numbers).</summary>
    public T Enum<T>(string name)
        where T : struct, Enum
    {
        var text = String(name);
        return System.Enum.GetNames<T>().Contains(text) ? System.Enum.Parse<T>(text)
            : throw Error(name, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    public IReadOnlyList<string> Strings(string name) =>
        Elements(name).Select((v, i) => v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw Error($"{name}[{i}]", $"expected a string, got {Kind(v.ValueKind)}")).ToList();

    /// <summary>The objects of an array field, each read with a field prefix such as "known_issues[2].".</summary>
    public IReadOnlyList<StoredFields> Objects(string name) =>
        Elements(name).Select((v, i) => v.ValueKind == JsonValueKind.Object
            ? new StoredFields(v, file, line, $"{prefix}{name}[{i}].")
            : throw Error($"{name}[{i}]", $"expected an object, got {Kind(v.ValueKind)}")).ToList();

    private IReadOnlyList<JsonElement> Elements(string name)
    {
        if (!element.TryGetProperty(name, out var v)) return [];
        return v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().ToList()
            : throw Error(name, $"expected an array, got {Kind(v.ValueKind)}");
    }

    private static string Show(JsonElement v)
    {
        var raw = v.GetRawText();
        return raw.Length > 40 ? raw[..40] + "..." : raw;
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    [GeneratedRegex("\"([a-z_]+)\"\\s*:")]
    private static partial Regex FieldNames();
}
