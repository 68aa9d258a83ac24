using System.Globalization;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Benchdnn;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites;

/// <summary>
/// Reads suite files, benchdnn files and folders into cases, following includes (and refusing
/// an include cycle); collects the benchdnn lines it cannot express and one report per grid and
/// filtered include.
/// </summary>
internal sealed partial class SuiteReader
{
    private static readonly string[] Keywords = ["grid", "include", "where", "sample", "end"];

    private readonly List<string> _open = [];

    public List<RejectedLine> Skipped { get; } = [];

    public List<ExpansionReport> Expansions { get; } = [];

    [GeneratedRegex(@"^(?<path>\S+)(?:\s+where\s+(?<where>.+?))?(?:\s+sample\s+(?<sample>\S+))?$")]
    private static partial Regex IncludeArguments();

    /// <summary>The cases of a file or folder; <paramref name="includedAt"/> is the include line that named it, if any.</summary>
    public List<SuiteCase> Read(string fullPath, SuiteLine? includedAt)
    {
        if (Directory.Exists(fullPath))
        {
            return Directory.GetFiles(fullPath, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && !HasExtension(f, ".md", ".json", ".cl"))
                .Order(StringComparer.Ordinal)
                .SelectMany(f => Read(f, includedAt))
                .ToList();
        }
        if (!File.Exists(fullPath))
        {
            throw includedAt?.Error("include", $"no such suite file or folder: {fullPath}")
                  ?? new SuiteException($"{Display(fullPath)}: no such suite file or folder");
        }
        if (_open.Contains(fullPath))
        {
            var chain = string.Join(" -> ", _open.Append(fullPath).Select(Display));
            throw includedAt!.Error("include", $"{Display(fullPath)} includes itself: {chain}");
        }

        var lines = File.ReadAllLines(fullPath);
        if (lines.Any(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
        {
            var imported = BenchdnnImport.ImportFile(fullPath);
            Skipped.AddRange(imported.Rejected);
            return imported.Cases.Select(c => new SuiteCase(c.Case, c.Source)).ToList();
        }

        _open.Add(fullPath);
        try
        {
            return Parse(fullPath, lines);
        }
        finally
        {
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private List<SuiteCase> Parse(string fullPath, string[] lines)
    {
        var result = new List<SuiteCase>();
        var name = Path.GetFileName(fullPath);
        var display = Display(fullPath);
        SuiteGrid? grid = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Split('#')[0].Trim();
            if (text.Length == 0) continue;
            var line = new SuiteLine(name, display, i + 1, text);
            var (keyword, rest) = SplitKeyword(text);
            if (grid is null)
            {
                switch (keyword)
                {
                    case "grid":
                        grid = SuiteGrid.Start(line, rest);
                        break;
                    case "include":
                        result.AddRange(Include(fullPath, line, rest));
                        break;
                    case "where" or "sample" or "end":
                        throw line.Error(keyword, $"'{keyword}' belongs inside a grid (grid NAME ... end)");
                    default:
                        result.Add(new SuiteCase(ExplicitCase(line), line.Source));
                        break;
                }
                continue;
            }

            switch (keyword)
            {
                case "end":
                    result.AddRange(Keep(grid.Expand()));
                    grid = null;
                    break;
                case "grid":
                    var opened = grid.Header.Number.ToString(CultureInfo.InvariantCulture);
                    throw line.Error("grid", $"grid {grid.Name} (line {opened}) has no 'end' before this grid");
                case "include":
                    (grid.Bases ??= []).AddRange(Include(fullPath, line, rest));
                    break;
                case "where":
                    grid.Wheres.Add((line.ParseWhere(rest), line));
                    break;
                case "sample":
                    grid.Sample = line.ParseSample(rest);
                    break;
                default:
                    grid.AddParam(line);
                    break;
            }
        }
        if (grid is not null) throw grid.Header.Error("grid", $"grid {grid.Name} has no 'end'");
        return result;
    }

    private static (string Keyword, string Arguments) SplitKeyword(string text)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var first = space < 0 ? text : text[..space];
        return Keywords.Contains(first) ? (first, space < 0 ? "" : text[(space + 1)..].Trim()) : ("", text);
    }

    private static DeconvCase ExplicitCase(SuiteLine line)
    {
        DeconvCase c;
        try
        {
            c = SuiteFile.ParseText(line.Text);
        }
        catch (FormatException e)
        {
            throw line.Error("case", e.Message);
        }
        try
        {
            c.Resolve();
        }
        catch (InvalidCaseException e)
        {
            throw line.Error(e.Field, e.Message);
        }
        return c;
    }

    private List<SuiteCase> Include(string fromPath, SuiteLine line, string arguments)
    {
        var m = IncludeArguments().Match(arguments);
        if (arguments.Length == 0 || !m.Success)
            throw line.Error("include", "expected 'include PATH [where EXPR] [sample P%]'");
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromPath)!, m.Groups["path"].Value));
        var cases = Matches(target, line).SelectMany(t => Read(t, line)).ToList();
        var where = m.Groups["where"].Success ? line.ParseWhere(m.Groups["where"].Value) : null;
        double? sample = m.Groups["sample"].Success ? line.ParseSample(m.Groups["sample"].Value) : null;
        if (where is null && sample is null) return cases;

        var expansion = new Expansion(line, $"include {m.Groups["path"].Value}", where is null ? [] : [(where, line)], sample);
        foreach (var c in cases) expansion.Offer(c.Case, c.Source);
        return Keep(expansion);
    }

    /// <summary>Records what an expansion made and returns the cases it kept.</summary>
    private List<SuiteCase> Keep(Expansion expansion)
    {
        Expansions.Add(expansion.Report());
        return expansion.Kept;
    }

    /// <summary>The path itself, or the files its last part matches when that has '*' or '?' (in name order).</summary>
    private static List<string> Matches(string target, SuiteLine line)
    {
        var pattern = Path.GetFileName(target);
        if (pattern.IndexOfAny(['*', '?']) < 0) return [target];
        var folder = Path.GetDirectoryName(target)!;
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).ToList() : [];
        return files.Count > 0 ? files : throw line.Error("include", $"no file matches {target}");
    }

    private static bool HasExtension(string file, params string[] extensions) =>
        extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>A path as errors show it: relative to the working folder when it lies below it.</summary>
    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
