using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.Core.Suites;

/// <summary>
/// A <c>grid NAME ... end</c> block as it is read: its parameter values, <c>where</c> conditions,
/// included base cases and sample share; <see cref="Expand"/> crosses them once <c>end</c> is reached.
/// </summary>
internal sealed partial class SuiteGrid
{
    private readonly List<(string Param, string?[] Values)> _params = [];

    private SuiteGrid(SuiteLine header, string name)
    {
        Header = header;
        Name = name;
    }

    public SuiteLine Header { get; }

    public string Name { get; }

    public List<(SuiteExpression Expression, SuiteLine Line)> Wheres { get; } = [];

    /// <summary>The included cases to cross with the listed values, or null for one blank case.</summary>
    public List<SuiteCase>? Bases { get; set; }

    public double? Sample { get; set; }

    [GeneratedRegex(@"^(?<param>[A-Za-z_]+)\s*=(?<values>.*)$")]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex GridName();

    /// <summary>The grid a <c>grid NAME</c> line opens.</summary>
    public static SuiteGrid Start(SuiteLine line, string name)
    {
        if (!GridName().IsMatch(name))
            throw line.Error("grid", $"'{name}' is not a grid name (letters, digits, '.', '_' and '-', e.g. grid strided-2d)");
        return new SuiteGrid(line, name);
    }

    /// <summary>Reads a <c>PARAM = v1, v2, ...</c> line.</summary>
    public void AddParam(SuiteLine line)
    {
        var m = ParamLine().Match(line.Text);
        if (!m.Success)
        {
            throw line.Error($"grid {Name}",
                $"'{line.Text}' is not 'PARAM = v1, v2, ...', 'where EXPR', 'include PATH', 'sample P%' or 'end'");
        }
        var param = m.Groups["param"].Value;
        if (!GridParams.Names.Contains(param))
            throw line.Error(param, $"not a grid parameter (parameters: {string.Join(", ", GridParams.Names)})");
        if (_params.Any(p => p.Param == param))
            throw line.Error(param, $"given twice in grid {Name}; list every value on one line");
        var texts = m.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToArray();
        if (texts.Any(t => t.Length == 0))
            throw line.Error(param, "an empty value (write values separated by commas: 1, 2, 3)");
        try
        {
            _params.Add((param, texts.Select(t => GridParams.Normalise(param, t)).Distinct().ToArray()));
        }
        catch (FormatException e)
        {
            throw line.Error(param, e.Message);
        }
    }

    /// <summary>Every combination of the values (over each base case), offered to an expansion that filters and counts them.</summary>
    public Expansion Expand()
    {
        if (Bases is null)
        {
            var missing = GridParams.Required.Where(r => _params.All(p => p.Param != r)).ToList();
            if (missing.Count > 0)
            {
                throw Header.Error($"grid {Name}",
                    $"needs values for {string.Join(", ", GridParams.Required)} or an include to take cases from; "
                    + $"missing: {string.Join(", ", missing)}");
            }
        }

        var expansion = new Expansion(Header, $"grid {Name}", Wheres, Sample);
        var bases = Bases?.Select(b => (Values: GridParams.Of(b.Case), Suffix: $" ({b.Source})")) ?? [([], "")];
        foreach (var (values, suffix) in bases)
        {
            foreach (var combination in Cross())
            {
                var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
                foreach (var (param, value) in combination)
                {
                    if (value is null) merged.Remove(param);
                    else merged[param] = value;
                }
                var id = GridParams.Id(merged);
                if (!CaseId.TryParse(id, out var c, out var error))
                    throw Header.Error($"grid {Name}", $"combination {id}: {error}");
                expansion.Offer(c, $"{Header.Source} grid {Name}{suffix}");
            }
        }
        return expansion;
    }

    /// <summary>Every combination of the values, the first parameter varying slowest (an odometer).</summary>
    private IEnumerable<List<(string Param, string? Value)>> Cross()
    {
        IEnumerable<List<(string, string?)>> result = [[]];
        foreach (var (param, values) in _params)
            result = result.SelectMany(prefix => values.Select(v => new List<(string, string?)>(prefix) { (param, v) })).ToList();
        return result;
    }
}
