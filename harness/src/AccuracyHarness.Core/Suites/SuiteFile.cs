using System.Globalization;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Benchdnn;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Core.Suites;

/// <summary>A case with where it came from: file:line, and the grid that made it.</summary>
public sealed record SuiteCase(DeconvCase Case, string Source);

/// <summary>An error in a suite: "file:line: field: message".</summary>
public sealed class SuiteException : Exception
{
    public SuiteException(string message)
        : base(message)
    {
    }

    public SuiteException(string file, int line, string field, string message)
        : base($"{file}:{line.ToString(CultureInfo.InvariantCulture)}: {field}: {message}")
    {
        File = file;
        Line = line;
        Field = field;
    }

    public string? File { get; }

    public int? Line { get; }

    public string? Field { get; }
}

/// <summary>
/// What a grid (or a filtered include) made of its combinations: how many it generated, how many
/// were invalid cases (dropped, with the count per field that broke a rule), excluded by its
/// <c>where</c> constraints or left out by <c>sample</c>, and how many it kept.
/// </summary>
public sealed record ExpansionReport(
    string Source,
    string What,
    int Generated,
    int Invalid,
    int Excluded,
    int Unsampled,
    int Kept,
    IReadOnlyDictionary<string, int> InvalidByField)
{
    public string Summary =>
        $"{Source} {What}: {Generated} generated, {Invalid} invalid{Fields()}, {Excluded} excluded by where, {Unsampled} left out by sample, {Kept} kept";

    private string Fields() => InvalidByField.Count == 0
        ? ""
        : " (" + string.Join(", ", InvalidByField.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")) + ")";
}

/// <summary>
/// Loads suites. A suite file holds, one a line ('#' starts a comment):
/// <list type="bullet">
/// <item>an explicit case: a case id or a benchdnn descriptor;</item>
/// <item><c>include PATH [where EXPR] [sample P%]</c>: the cases of another suite, a benchdnn
/// shape or batch file, or a folder, relative to this file ('*' and '?' in its last part match
/// files), optionally filtered;</item>
/// <item>a grid: <c>grid NAME</c>, then lines <c>PARAM = v1, v2, ...</c> (crossed, the first
/// written varying slowest), <c>where EXPR</c> (every one must hold), <c>include PATH</c> (cases
/// to cross instead of a blank one), <c>sample P%</c>, and <c>end</c>. Invalid combinations
/// are dropped and counted, never errors.</item>
/// </list>
/// A file with benchdnn options (lines starting with "--") is a benchdnn batch or option file; a
/// folder loads every file in it, in name order. Benchdnn lines the harness cannot express are
/// returned as <see cref="Loaded.Skipped"/>, never dropped silently. The same case twice is kept once.
/// </summary>
public static partial class SuiteFile
{
    public sealed record Loaded(IReadOnlyList<SuiteCase> Cases, IReadOnlyList<RejectedLine> Skipped)
    {
        /// <summary>One report per grid and per filtered include, in file order.</summary>
        public IReadOnlyList<ExpansionReport> Expansions { get; init; } = [];

        /// <summary>Cases that appeared more than once and were kept once.</summary>
        public int Duplicates { get; init; }
    }

    public static Loaded Load(string path)
    {
        var reader = new Reader();
        var cases = reader.Read(Path.GetFullPath(path), null);
        var distinct = cases.DistinctBy(c => c.Case).ToList();
        return new Loaded(distinct, reader.Skipped) { Expansions = reader.Expansions, Duplicates = cases.Count - distinct.Count };
    }

    /// <summary>A case id or a benchdnn descriptor; errors name the source and say why it is neither.</summary>
    public static DeconvCase ParseCase(string text, string source)
    {
        try
        {
            return ParseText(text);
        }
        catch (FormatException e)
        {
            throw new SuiteException($"{source}: {e.Message}");
        }
    }

    private static DeconvCase ParseText(string text)
    {
        if (CaseId.TryParse(text, out var c, out var idError)) return c;
        if (!BenchdnnDescriptor.IsDescriptor(text)) throw new FormatException(idError);
        try
        {
            return BenchdnnImport.ImportDescriptor(text).Case;
        }
        catch (FormatException e)
        {
            throw new FormatException($"not a case id ({idError}) nor a benchdnn descriptor ({e.Message})");
        }
    }

    [GeneratedRegex(@"^(?<path>\S+)(?:\s+where\s+(?<where>.+?))?(?:\s+sample\s+(?<sample>\S+))?$")]
    private static partial Regex IncludeArguments();

    [GeneratedRegex(@"^(?<param>[A-Za-z_]+)\s*=(?<values>.*)$")]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex GridName();

    private static readonly string[] Keywords = ["grid", "include", "where", "sample", "end"];

    private sealed record Line(string File, string Display, int Number, string Text)
    {
        public string Source => $"{File}:{Number.ToString(CultureInfo.InvariantCulture)}";

        public SuiteException Error(string field, string message) => new(Display, Number, field, message);
    }

    private sealed class Grid(Line header, string name)
    {
        public Line Header { get; } = header;
        public string Name { get; } = name;
        public List<(string Param, string?[] Values)> Params { get; } = [];
        public List<(SuiteExpression Expression, Line Line)> Wheres { get; } = [];
        public List<SuiteCase>? Bases { get; set; }
        public double? Sample { get; set; }
    }

    private sealed class Reader
    {
        private readonly List<string> _open = [];

        public List<RejectedLine> Skipped { get; } = [];

        public List<ExpansionReport> Expansions { get; } = [];

        public List<SuiteCase> Read(string fullPath, Line? includedAt)
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
                throw includedAt!.Error("include", $"{Display(fullPath)} includes itself: {string.Join(" -> ", _open.Append(fullPath).Select(Display))}");

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
            Grid? grid = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Split('#')[0].Trim();
                if (text.Length == 0) continue;
                var line = new Line(name, display, i + 1, text);
                var (keyword, rest) = SplitKeyword(text);
                if (grid is null)
                {
                    switch (keyword)
                    {
                        case "grid":
                            grid = StartGrid(line, rest);
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
                        result.AddRange(Expand(grid));
                        grid = null;
                        break;
                    case "grid":
                        throw line.Error("grid", $"grid {grid.Name} (line {grid.Header.Number.ToString(CultureInfo.InvariantCulture)}) has no 'end' before this grid");
                    case "include":
                        (grid.Bases ??= []).AddRange(Include(fullPath, line, rest));
                        break;
                    case "where":
                        grid.Wheres.Add((ParseWhere(line, rest), line));
                        break;
                    case "sample":
                        grid.Sample = ParseSample(line, rest);
                        break;
                    default:
                        AddParam(grid, line);
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

        private static DeconvCase ExplicitCase(Line line)
        {
            DeconvCase c;
            try
            {
                c = ParseText(line.Text);
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

        private static Grid StartGrid(Line line, string name)
        {
            if (!GridName().IsMatch(name)) throw line.Error("grid", $"'{name}' is not a grid name (letters, digits, '.', '_' and '-', e.g. grid strided-2d)");
            return new Grid(line, name);
        }

        private static void AddParam(Grid grid, Line line)
        {
            var m = ParamLine().Match(line.Text);
            if (!m.Success)
                throw line.Error($"grid {grid.Name}", $"'{line.Text}' is not 'PARAM = v1, v2, ...', 'where EXPR', 'include PATH', 'sample P%' or 'end'");
            var param = m.Groups["param"].Value;
            if (!GridParams.Names.Contains(param))
                throw line.Error(param, $"not a grid parameter (parameters: {string.Join(", ", GridParams.Names)})");
            if (grid.Params.Any(p => p.Param == param))
                throw line.Error(param, $"given twice in grid {grid.Name}; list every value on one line");
            var texts = m.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToArray();
            if (texts.Any(t => t.Length == 0))
                throw line.Error(param, "an empty value (write values separated by commas: 1, 2, 3)");
            try
            {
                grid.Params.Add((param, texts.Select(t => GridParams.Normalise(param, t)).Distinct().ToArray()));
            }
            catch (FormatException e)
            {
                throw line.Error(param, e.Message);
            }
        }

        private static SuiteExpression ParseWhere(Line line, string text)
        {
            try
            {
                return SuiteExpression.Parse(text);
            }
            catch (FormatException e)
            {
                throw line.Error("where", e.Message);
            }
        }

        private static double ParseSample(Line line, string text)
        {
            return text.EndsWith('%')
                   && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p)
                   && p is > 0 and <= 100
                ? p
                : throw line.Error("sample", $"'{text}' is not a percentage in (0, 100], e.g. sample 5%");
        }

        private List<SuiteCase> Include(string fromPath, Line line, string arguments)
        {
            var m = IncludeArguments().Match(arguments);
            if (arguments.Length == 0 || !m.Success)
                throw line.Error("include", "expected 'include PATH [where EXPR] [sample P%]'");
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fromPath)!, m.Groups["path"].Value));
            var cases = Matches(target, line).SelectMany(t => Read(t, line)).ToList();
            var where = m.Groups["where"].Success ? ParseWhere(line, m.Groups["where"].Value) : null;
            double? sample = m.Groups["sample"].Success ? ParseSample(line, m.Groups["sample"].Value) : null;
            if (where is null && sample is null) return cases;

            var expansion = new Expansion(line, $"include {m.Groups["path"].Value}", where is null ? [] : [(where, line)], sample);
            foreach (var c in cases) expansion.Offer(c.Case, c.Source);
            Expansions.Add(expansion.Report());
            return expansion.Kept;
        }

        /// <summary>The path itself, or the files its last part matches when that has '*' or '?' (in name order).</summary>
        private static IReadOnlyList<string> Matches(string target, Line line)
        {
            var pattern = Path.GetFileName(target);
            if (pattern.IndexOfAny(['*', '?']) < 0) return [target];
            var folder = Path.GetDirectoryName(target)!;
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).ToList() : [];
            return files.Count > 0 ? files : throw line.Error("include", $"no file matches {target}");
        }

        private List<SuiteCase> Expand(Grid grid)
        {
            if (grid.Bases is null)
            {
                var missing = GridParams.Required.Where(r => grid.Params.All(p => p.Param != r)).ToList();
                if (missing.Count > 0)
                {
                    throw grid.Header.Error($"grid {grid.Name}",
                        $"needs values for {string.Join(", ", GridParams.Required)} or an include to take cases from; missing: {string.Join(", ", missing)}");
                }
            }

            var expansion = new Expansion(grid.Header, $"grid {grid.Name}", grid.Wheres, grid.Sample);
            var bases = grid.Bases?.Select(b => (Values: GridParams.Of(b.Case), Suffix: $" ({b.Source})")) ?? [([], "")];
            foreach (var (values, suffix) in bases)
            {
                foreach (var combination in Cross(grid.Params))
                {
                    var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
                    foreach (var (param, value) in combination)
                    {
                        if (value is null) merged.Remove(param);
                        else merged[param] = value;
                    }
                    var id = GridParams.Id(merged);
                    if (!CaseId.TryParse(id, out var c, out var error))
                        throw grid.Header.Error($"grid {grid.Name}", $"combination {id}: {error}");
                    expansion.Offer(c, $"{grid.Header.Source} grid {grid.Name}{suffix}");
                }
            }
            Expansions.Add(expansion.Report());
            return expansion.Kept;
        }

        /// <summary>Every combination of the values, the first parameter varying slowest (an odometer).</summary>
        private static IEnumerable<List<(string Param, string? Value)>> Cross(List<(string Param, string?[] Values)> parameters)
        {
            IEnumerable<List<(string, string?)>> result = [[]];
            foreach (var (param, values) in parameters)
                result = result.SelectMany(prefix => values.Select(v => new List<(string, string?)>(prefix) { (param, v) })).ToList();
            return result;
        }

        private static bool HasExtension(string file, params string[] extensions) =>
            extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Counts what happens to each candidate case of a grid or a filtered include.</summary>
    private sealed class Expansion(Line at, string what, IReadOnlyList<(SuiteExpression Expression, Line Line)> wheres, double? sample)
    {
        private readonly SortedDictionary<string, int> _invalidByField = new(StringComparer.Ordinal);
        private int _generated;
        private int _invalid;
        private int _excluded;
        private int _unsampled;

        public List<SuiteCase> Kept { get; } = [];

        public void Offer(DeconvCase c, string source)
        {
            _generated++;
            Problem problem;
            try
            {
                problem = c.Resolve();
            }
            catch (InvalidCaseException e)
            {
                _invalid++;
                // Per-axis fields (kernel_shape[1]) count under their parameter.
                var field = e.Field.Split('[')[0];
                _invalidByField[field] = _invalidByField.GetValueOrDefault(field) + 1;
                return;
            }
            foreach (var (expression, line) in wheres)
            {
                bool holds;
                try
                {
                    holds = expression.Holds(problem);
                }
                catch (FormatException e)
                {
                    throw line.Error("where", e.Message);
                }
                if (holds) continue;
                _excluded++;
                return;
            }
            if (sample is { } percent && !CaseSelection.InSample(c.Id, percent))
            {
                _unsampled++;
                return;
            }
            Kept.Add(new SuiteCase(c, source));
        }

        public ExpansionReport Report() =>
            new(at.Source, what, _generated, _invalid, _excluded, _unsampled, Kept.Count, new Dictionary<string, int>(_invalidByField));
    }

    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
