using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.Core.Suites;

/// <summary>Counts what happens to each candidate case of a grid or a filtered include.</summary>
internal sealed class Expansion(
    SuiteLine at,
    string what,
    IReadOnlyList<(SuiteExpression Expression, SuiteLine Line)> wheres,
    double? sample)
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
