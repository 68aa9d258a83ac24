using AccuracyHarness.Core.Benchdnn;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites;

/// <summary>A case with where it came from.</summary>
public sealed record SuiteCase(DeconvCase Case, string Source);

/// <summary>An error in a suite, naming file and line.</summary>
public sealed class SuiteException(string message) : Exception(message);

/// <summary>
/// Loads suites: a suite file has one case a line, as a case id (CaseId) or a benchdnn
/// descriptor, with '#' comments; a file with benchdnn options (lines starting with "--") is a
/// benchdnn batch or option file; a folder loads every file in it, in name order.
/// Lines a benchdnn file cannot express are returned as <see cref="Skipped"/>, never dropped silently.
/// </summary>
public static class SuiteFile
{
    public sealed record Loaded(IReadOnlyList<SuiteCase> Cases, IReadOnlyList<RejectedLine> Skipped);

    public static Loaded Load(string path)
    {
        if (Directory.Exists(path))
        {
            var cases = new List<SuiteCase>();
            var skipped = new List<RejectedLine>();
            foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories)
                         .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".cl", StringComparison.OrdinalIgnoreCase))
                         .Order(StringComparer.Ordinal))
            {
                var loaded = Load(file);
                cases.AddRange(loaded.Cases);
                skipped.AddRange(loaded.Skipped);
            }
            return new Loaded(cases, skipped);
        }
        if (!File.Exists(path))
            throw new SuiteException($"{path}: no such suite file or folder");

        var lines = File.ReadAllLines(path);
        if (lines.Any(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
        {
            var imported = BenchdnnImport.ImportFile(path);
            return new Loaded(imported.Cases.Select(c => new SuiteCase(c.Case, c.Source)).ToList(), imported.Rejected);
        }

        var result = new List<SuiteCase>();
        var name = Path.GetFileName(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Split('#')[0].Trim();
            if (text.Length == 0) continue;
            var source = $"{name}:{i + 1}";
            result.Add(new SuiteCase(ParseCase(text, source), source));
        }
        return new Loaded(result, []);
    }

    /// <summary>A case id or a benchdnn descriptor; errors name the source and say why it is neither.</summary>
    public static DeconvCase ParseCase(string text, string source)
    {
        if (CaseId.TryParse(text, out var c, out var idError)) return c;
        if (!BenchdnnDescriptor.IsDescriptor(text)) throw new SuiteException($"{source}: {idError}");
        try
        {
            return BenchdnnImport.ImportDescriptor(text).Case;
        }
        catch (FormatException e)
        {
            throw new SuiteException($"{source}: not a case id ({idError}) nor a benchdnn descriptor ({e.Message})");
        }
    }
}
