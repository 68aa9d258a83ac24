using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Benchdnn;

/// <summary>
/// Imports benchdnn shape files (one descriptor a line), option lines (<c>--reset --dir=FWD_D
/// --dt=f16 DESCRIPTOR</c>) and batch files (<c>--batch=shapes_ci</c>, resolved beside the file).
/// Option state follows benchdnn: options hold until <c>--reset</c>. Only forward directions and
/// the f32 and f16 data types are expressible; post-ops, scales and memory tags do not change
/// the bare deconvolution and are recorded as ignored. Nothing is dropped silently: every
/// descriptor is either imported or listed with its reason.
/// </summary>
public static class BenchdnnImport
{
    public static ImportResult ImportFile(string path)
    {
        var cases = new List<ImportedCase>();
        var rejected = new List<RejectedLine>();
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        Read(Path.GetFullPath(path), new State(), cases, rejected, ignored, [], Path.GetFileName(path));
        return new ImportResult(cases, rejected, ignored.ToList());
    }

    /// <summary>Imports one descriptor with benchdnn's defaults (forward with bias, f32).</summary>
    public static ImportedCase ImportDescriptor(string descriptor)
    {
        var parsed = BenchdnnDescriptor.Parse(descriptor, DataType.F32, hasBias: true);
        return new ImportedCase(parsed.Case, parsed.Name, descriptor);
    }

    private sealed class State
    {
        public string[] Directions = ["FWD_B"];
        public string[] DataTypes = ["f32"];
        public int? Batch;
        public System.Text.RegularExpressions.Regex? Match;
    }

    /// <summary>Reads one file; an option value it cannot use is a <see cref="FormatException"/> naming "file:line: --option".</summary>
    private static void Read(string path, State state, List<ImportedCase> cases, List<RejectedLine> rejected, SortedSet<string> ignored,
        HashSet<string> open, string includedAt = "")
    {
        if (!open.Add(path))
            throw new FormatException($"{includedAt}: --batch: {Path.GetFileName(path)} includes itself");
        var lines = File.ReadAllLines(path);
        var name = Path.GetFileName(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var hash = text.IndexOf('#');
            if (hash >= 0) text = text[..hash];
            // Option values may continue on the next line after a trailing backslash.
            while (text.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
                text = text.TrimEnd().TrimEnd('\\') + lines[++i].Split('#')[0];
            var source = $"{name}:{i + 1}";
            foreach (var token in text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.StartsWith("--", StringComparison.Ordinal))
                {
                    Option(token, path, source, state, cases, rejected, ignored, open);
                }
                else if (BenchdnnDescriptor.IsDescriptor(token))
                {
                    Descriptor(token, source, state, cases, rejected);
                }
                else
                {
                    rejected.Add(new RejectedLine(source, token, "neither a benchdnn option nor a deconvolution descriptor"));
                }
            }
        }
        open.Remove(path);
    }

    private static void Option(string token, string path, string source, State state, List<ImportedCase> cases, List<RejectedLine> rejected,
        SortedSet<string> ignored, HashSet<string> open)
    {
        var eq = token.IndexOf('=');
        var key = eq < 0 ? token : token[..eq];
        var value = eq < 0 ? "" : token[(eq + 1)..];
        switch (key)
        {
            case "--reset":
                state.Directions = ["FWD_B"];
                state.DataTypes = ["f32"];
                state.Batch = null;
                state.Match = null;
                break;
            case "--dir":
                state.Directions = value.Split(',').Select(v => v.ToUpperInvariant()).ToArray();
                break;
            case "--dt":
                state.DataTypes = value.Split(',');
                break;
            case "--mb":
                var culture = System.Globalization.CultureInfo.InvariantCulture;
                state.Batch = int.TryParse(value, System.Globalization.NumberStyles.None, culture, out var mb) && mb > 0
                    ? mb
                    : throw new FormatException($"{source}: --mb: '{value}' is not a batch size (a whole number >= 1)");
                break;
            case "--match":
                try
                {
                    state.Match = new System.Text.RegularExpressions.Regex(value);
                }
                catch (ArgumentException e)
                {
                    throw new FormatException($"{source}: --match: '{value}' is not a regular expression: {e.Message}");
                }
                break;
            case "--batch":
                var included = Path.Combine(Path.GetDirectoryName(path)!, value);
                if (File.Exists(included))
                {
                    Read(included, state, cases, rejected, ignored, open, source);
                }
                else
                {
                    rejected.Add(new RejectedLine(Path.GetFileName(path), token, $"batch file '{value}' is not in this corpus"));
                }
                break;
            default:
                ignored.Add(key);
                break;
        }
    }

    private static void Descriptor(string token, string source, State state, List<ImportedCase> cases, List<RejectedLine> rejected)
    {
        if (state.Match is { } match && !match.IsMatch(token)) return;
        foreach (var direction in state.Directions)
        {
            if (!direction.StartsWith("FWD", StringComparison.Ordinal))
            {
                rejected.Add(new RejectedLine(source, token, $"direction {direction} is not a forward deconvolution"));
                continue;
            }
            foreach (var dt in state.DataTypes)
            {
                if (!TryDataType(dt, out var type))
                {
                    rejected.Add(new RejectedLine(source, token, $"data type {dt} is not f32 or f16 storage with f32 accumulation"));
                    continue;
                }
                try
                {
                    // FWD_D is forward without bias; FWD_B and FWD_I carry one.
                    var parsed = BenchdnnDescriptor.Parse(token, type, hasBias: direction != "FWD_D");
                    var c = state.Batch is { } mb ? parsed.Case with { Batch = mb } : parsed.Case;
                    cases.Add(new ImportedCase(c, parsed.Name, source));
                }
                catch (FormatException e)
                {
                    rejected.Add(new RejectedLine(source, token, e.Message));
                }
            }
        }
    }

    /// <summary>f32 and f16 (written alone or as src:wei:dst with all three the same).</summary>
    private static bool TryDataType(string dt, out DataType type)
    {
        var parts = dt.Split(':').Distinct().ToArray();
        type = default;
        return parts.Length == 1 && parts[0] is "f32" or "f16" && Names.TryParseDataType(parts[0], out type);
    }
}
