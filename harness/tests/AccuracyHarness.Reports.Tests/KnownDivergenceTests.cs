using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.Csv;
using AccuracyHarness.Reports.Html;
using AccuracyHarness.Reports.JUnit;

namespace AccuracyHarness.Reports.Tests;

/// <summary>
/// A divergence the baseline expects is "known" in every format, never counted as a failure: the
/// reports agree with the exit code, which such a run leaves at 0.
/// </summary>
public class KnownDivergenceTests
{
    private const string Entry = "cases/baseline:4: the bias is missing on purpose";

    private static readonly KnownEntry Known = KnownEntry.Parse(Entry);

    /// <summary>The sample run with its f16 bias-missing failure expected by a baseline entry.</summary>
    private static readonly ResultTable Table = SampleRun.Table with
    {
        Results = SampleRun.Table.Results.Select(r => r.Diagnosis.FaultModel == "bias-missing" ? r with { Known = Known } : r).ToList(),
    };

    private static CaseResult KnownResult => Table.Results.Single(r => r.IsKnown);

    [Test]
    public void The_table_counts_known_apart_from_fail()
    {
        Assert.That(KnownResult.Status, Is.EqualTo(Status.Fail), "a known result keeps its status");
        Assert.That(Table.Counts.Known, Is.EqualTo(1));
        Assert.That(Table.Counts.Fail, Is.EqualTo(SampleRun.Table.Counts.Fail - 1));
        Assert.That(Table.Counts.ToString(), Does.Contain($"{Table.Counts.Fail} fail, 1 known, "));
    }

    [Test]
    public void The_page_header_totals_and_per_backend_table_show_known_not_fail()
    {
        var page = new HtmlExporter().Render(Table);
        Assert.That(page, Does.Contain(
            $"<span class=\"chip fail\"><b>{Table.Counts.Fail}</b> fail</span><span class=\"chip known\"><b>1</b> known</span>"));
        Assert.That(page, Does.Contain($"<title>AccuracyHarness report: {Table.Counts}</title>"));
        Assert.That(Table.Counts.ToString(), Does.Contain($"{Table.Counts.Fail} fail, 1 known, "));
        var column = $"{KnownResult.Subject.Backend}@{KnownResult.Subject.Device}";
        var fails = Table.Results.Count(r => $"{r.Subject.Backend}@{r.Subject.Device}" == column && r.Status == Status.Fail && !r.IsKnown);
        Assert.That(page,
            Does.Contain($"<tr><th>{column}</th><td class=\"{(fails > 0 ? "fail" : "")}\">{fails}</td><td class=\"known\">1</td>"));
        var row = Regex.Match(page,
            $"<tbody data-status=\"(?<status>[^\"]+)\" data-backend=\"{Regex.Escape(column)}\" data-search=\"[^\"]*{KnownResult.CaseId}");
        Assert.That(row.Groups["status"].Value, Is.EqualTo("known"));
        Assert.That(page, Does.Contain($"<dt>known divergence</dt><dd>{WebUtility.HtmlEncode(Entry)}</dd>"));
        Assert.That(page, Does.Contain("<option value=\"known\">known</option>"));
    }

    [Test]
    public void JUnit_skips_a_known_divergence_with_its_baseline_entry_and_counts_only_new_failures()
    {
        var dir = SampleRun.Folder("junit-known");
        new JUnitExporter().Export(Table, dir);
        var doc = XDocument.Load(Path.Combine(dir, JUnitExporter.Name));
        var test = doc.Descendants("testcase").Single(c => c.Attribute("name")!.Value == KnownResult.CaseId
            && c.Attribute("classname")!.Value == $"{KnownResult.Subject.Backend}.{KnownResult.Subject.Device}");
        Assert.That(test.Element("failure"), Is.Null);
        var skipped = test.Element("skipped")!;
        Assert.That(skipped.Attribute("message")!.Value, Is.EqualTo($"known divergence ({Entry}): {KnownResult.Diagnosis.Text}"));
        Assert.That(skipped.Value, Does.Contain("repro: " + ReproLine.Of(KnownResult.Subject)));
        Assert.That((int)doc.Root!.Attribute("failures")!, Is.EqualTo(Table.Counts.Fail));
        Assert.That((int)doc.Root!.Attribute("skipped")!, Is.EqualTo(Table.Counts.NotApplicable + 1));
    }

    [Test]
    public void Csv_has_a_last_column_known_with_the_entry()
    {
        var dir = SampleRun.Folder("csv-known");
        new CsvExporter().Export(Table, dir);
        var lines = File.ReadAllLines(Path.Combine(dir, CsvExporter.Name));
        Assert.That(lines[0], Does.EndWith(",impl,known"), "added columns go last, in the order added");
        Assert.That(lines.Count(l => l.EndsWith("," + Entry, StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(lines.Skip(1).Count(l => l.EndsWith(',')), Is.EqualTo(Table.Results.Count - 1), "empty for every other result");
    }
}
