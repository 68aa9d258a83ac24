using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Tests.Suites;

/// <summary>The suites the project ships under cases/: valid, and sized for the jobs that run them.</summary>
public class ProjectSuiteTests
{
    private static IEnumerable<string> ProjectSuites() => ["smoke", "nightly", "nightly-oclgrind", "regressions"];

    [TestCaseSource(nameof(ProjectSuites))]
    public void The_project_suites_load_and_every_case_is_valid(string suite)
    {
        var loaded = SuiteFile.Load(Path.Combine(ProjectPaths.Cases, suite));
        Assert.That(loaded.Cases, Is.Not.Empty);
        Assert.That(loaded.Cases.Select(c => c.Case.Resolve()), Has.All.Not.Null);
    }

    [Test]
    public void Smoke_covers_every_rank_layout_type_fill_and_feature_in_at_most_a_few_hundred_cases()
    {
        var cases = SuiteFile.Load(Path.Combine(ProjectPaths.Cases, "smoke")).Cases.Select(c => c.Case).ToList();
        Assert.That(cases.Count, Is.InRange(60, 300),
            "the default suite must stay small enough for the main job (under 2 minutes on 2 cores)");
        Assert.That(cases.Where(c => c.PlainFloat is not null).Select(c => (c.Rank, c.Layout, c.PlainFloat, c.Fill)).Distinct().Count(),
            Is.EqualTo(3 * 3 * 2 * 2));
        Assert.That(cases.Select(c => c.Types).Distinct().Count(), Is.EqualTo(CaseTypes.All.Count), "every data type");
        Assert.That(cases.Where(c => c.Types.IsQuantized).Select(c => (c.Rank, c.Layout)).Distinct().Count(), Is.EqualTo(3 * 3));
        Assert.That(cases.Where(c => c.Types.Source == DataType.BF16).Select(c => (c.Rank, c.Layout, c.Fill)).Distinct().Count(),
            Is.EqualTo(3 * 3 * 2));
        Assert.That(cases.SelectMany(c => c.PostOps).Select(o => o.Kind).Distinct().Count(), Is.EqualTo(Enum.GetValues<PostOpKind>().Length));
        Assert.That(cases, Has.Some.Matches<DeconvCase>(c => c!.SourceZeroPoint.PerChannel && c.PerChannelWeightScales));
        Assert.That(cases, Has.Some.Matches<DeconvCase>(c => c!.SourceZeroPoint.Common != 0 && c.DestinationZeroPoint != 0));
        Assert.That(cases.Select(c => c.AutoPad).Distinct().Count(), Is.EqualTo(4));
        Assert.That(cases, Has.Some.Matches<DeconvCase>(c => c!.OutputShape is not null));
        Assert.That(cases, Has.Some.Matches<DeconvCase>(c => c!.Groups > 1 && c.Dilations.Any(d => d > 1)));
        Assert.That(cases, Has.Some.Matches<DeconvCase>(c => c!.OutputPadding.Any(o => o > 0) && c.Layout == LayoutFamily.Blocked16));
        Assert.That(cases, Has.Some.Matches<DeconvCase>(c => c!.Layout == LayoutFamily.Blocked16 && c.OutChannels > 16));
    }

    [Test]
    public void Nightly_has_at_least_3000_cases_and_its_oclgrind_part_is_a_small_subset()
    {
        var nightly = SuiteFile.Load(Path.Combine(ProjectPaths.Cases, "nightly")).Cases.Select(c => c.Case).ToHashSet();
        var oclgrind = SuiteFile.Load(Path.Combine(ProjectPaths.Cases, "nightly-oclgrind")).Cases.Select(c => c.Case).ToList();
        Assert.That(nightly, Has.Count.GreaterThanOrEqualTo(3000));
        Assert.That(oclgrind, Has.All.Matches<DeconvCase>(c => nightly.Contains(c!)));
        Assert.That(oclgrind.Count, Is.InRange(300, 1000));
        Assert.That(nightly.Select(c => c.Resolve())
            .Max(p => (double)p.Case.Batch * p.Case.OutChannels * p.Output.Product() * p.Cg * p.Case.Kernel.Product()),
            Is.LessThanOrEqualTo(2e7), "every case runs in about a second");
    }
}
