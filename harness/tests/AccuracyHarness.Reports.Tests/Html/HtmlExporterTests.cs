using System.Net;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.Html;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Reports.Tests.Html;

public class HtmlExporterTests
{
    private static readonly string Page = new HtmlExporter().Render(SampleRun.Table);

    [Test]
    public void The_page_is_one_file_that_fetches_nothing()
    {
        Assert.That(Page, Does.Not.Contain("http://").And.Not.Contain("https://"));
        Assert.That(Regex.Matches(Page, @"\b(src|href)\s*=", RegexOptions.IgnoreCase), Is.Empty, "no linked scripts, styles or images");
        Assert.That(Page, Does.Not.Contain("<link").And.Not.Contain("@import").And.Not.Contain("url("));
        Assert.That(Page, Does.Contain("default-src 'none'"), "a content security policy forbids any fetch");
        Assert.That(Page, Does.Contain("<style>").And.Contain("<script>"));
    }

    [Test]
    public void Text_from_results_is_escaped()
    {
        Assert.That(Page, Does.Not.Contain("<b>error</b>"));
        Assert.That(Page, Does.Contain(WebUtility.HtmlEncode(SampleRun.ErrorMessage)));
    }

    [Test]
    public void Every_result_that_did_not_pass_has_a_row_with_its_diagnosis_location_and_repro()
    {
        var listed = SampleRun.Table.Results.Where(r => r.Status != Status.Pass).ToList();
        Assert.That(Regex.Matches(Page, "<tr class=\"row\">").Count, Is.EqualTo(listed.Count));
        foreach (var r in listed)
        {
            Assert.That(Page, Does.Contain(WebUtility.HtmlEncode(ReproLine.Of(r.Subject))), r.Key.ToString());
            Assert.That(Page,
                Does.Contain(WebUtility.HtmlEncode(r.Diagnosis.Text)).And.Contain(WebUtility.HtmlEncode(r.Diagnosis.Location)),
                r.Key.ToString());
        }
        foreach (var r in SampleRun.Failing)
            Assert.That(Page, Does.Contain($"data-map=\"{WebUtility.HtmlEncode(HtmlExporter.Encode(r.Diagnosis.Map!))}\""),
                r.Key.ToString());
    }

    [Test]
    public void Environment_totals_and_the_feature_matrix_are_shown()
    {
        foreach (var (name, value) in SampleRun.Table.Info.Environment)
            Assert.That(Page, Does.Contain($"<th>{name}</th><td>{WebUtility.HtmlEncode(value)}</td>"));
        Assert.That(Page, Does.Contain($"<b>{SampleRun.Table.Counts.Fail}</b> fail"));
        foreach (var feature in new[] { "layout", "dtype", "stride", "groups", "dilation", "output padding", "rank" })
            Assert.That(Page, Does.Contain($"<th rowspan=\"").And.Contain($">{feature}</th>"), feature);
        Assert.That(Page, Does.Contain("data-filter=\"groups=depthwise\" data-backend=\"opencl-direct@pocl\""));
    }

    [Test]
    public void Heat_map_levels_separate_zero_within_bound_decades_and_infinity()
    {
        var map = new Core.Diagnosis.ErrorMap(1, 6, [3], [[0, 0.5, 1.05, 10, 1e9, -1]]);
        Assert.That(HtmlExporter.Encode(map), Is.EqualTo("1x6;3:ABCM-_"));
    }

    [Test]
    public void A_comparison_becomes_a_section()
    {
        var now = SampleRun.Table.Results;
        var before = now.Select(r => r.Status == Status.Fail ? r with { Status = Status.Pass } : r).ToList();
        var page = new HtmlExporter(ResultComparison.Of("reports/yesterday", before, now)).Render(SampleRun.Table);
        Assert.That(page, Does.Contain($"Since reports/yesterday: {SampleRun.Failing.Count()} newly failing, 0 newly passing"));
    }
}
