using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// What a run does to the cases its suites give: each case crossed with the data types and
/// layouts asked for, fill and seed overridden, then kept when it passes every filter (types,
/// layouts, id pattern, shard, sample); a case that comes out twice is kept once.
/// </summary>
public sealed record CaseFilter
{
    public IReadOnlyList<CaseTypes>? DataTypes { get; init; }
    public IReadOnlyList<LayoutFamily>? Layouts { get; init; }
    public IReadOnlyList<CaseTypes>? CrossDataTypes { get; init; }
    public IReadOnlyList<LayoutFamily>? CrossLayouts { get; init; }
    public FillMode? Fill { get; init; }
    public ulong? Seed { get; init; }
    public Regex? Match { get; init; }
    public CaseSelection.Shard? Shard { get; init; }

    /// <summary>Percentage kept by <see cref="CaseSelection.InSample"/>.</summary>
    public double? Sample { get; init; }

    public IReadOnlyList<SuiteCase> Apply(IEnumerable<SuiteCase> cases) => cases
        .SelectMany(sc => (CrossDataTypes ?? [sc.Case.Types]).Select(d => sc with { Case = sc.Case.WithTypes(d) }))
        .SelectMany(sc => (CrossLayouts ?? [sc.Case.Layout]).Select(l => sc with { Case = sc.Case with { Layout = l } }))
        .Select(sc => sc with { Case = sc.Case with { Fill = Fill ?? sc.Case.Fill, Seed = Seed ?? sc.Case.Seed } })
        .Where(sc => DataTypes is null || DataTypes.Contains(sc.Case.Types))
        .Where(sc => Layouts is null || Layouts.Contains(sc.Case.Layout))
        .Where(sc => Match is null || Match.IsMatch(sc.Case.Id))
        .Where(sc => Shard is null || Shard.Includes(sc.Case.Id))
        .Where(sc => Sample is null || CaseSelection.InSample(sc.Case.Id, Sample.Value))
        .DistinctBy(sc => sc.Case)
        .ToList();
}
