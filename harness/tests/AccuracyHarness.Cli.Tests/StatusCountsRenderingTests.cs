using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Reports.Html;
using AccuracyHarness.Reports.JUnit;

namespace AccuracyHarness.Cli.Tests;

/// <summary>The console, the HTML report, JUnit and the table say the same counts, unstable and known included.</summary>
public class StatusCountsRenderingTests
{
    private static readonly Baseline Expects = new([new Baseline.Entry("onnxruntime", "cpu", "*", "tracked", "baseline", 1)]);

    private static ResultTable Table()
    {
        static ResultSubject On(string backend) => new(CaseId.Parse("ic1_oc1_in3_k3"), backend, "cpu");
        var results = Enum.GetValues<Status>()
            .Select(s => new CaseResult { Subject = On("reference"), Status = s })
            .Append(new CaseResult { Subject = On("onnxruntime"), Status = Status.Fail })
            .Select(Expects.Mark)
            .ToList();
        return new ResultTable(results, new RunInfo([]));
    }

    [Test]
    public void A_table_with_one_result_of_each_status_renders_the_same_numbers_everywhere()
    {
        var table = Table();
        Assert.That(table.Counts, Is.EqualTo(new StatusCounts(1, 1, 1, 1, 1, 1)));

        var console = new StringWriter();
        Summary.Print(table, Expects.Classify(table.Results), "out", console);
        Assert.That(console.ToString(), Does.Contain($"6 results: {table.Counts}"));
        Assert.That(console.ToString(), Does.Contain("pass     1  fail     1  known     0  error     1  n/a     1  unstable     1"));
        var onnxRuntime = console.ToString().Split('\n').Single(line => line.StartsWith("onnxruntime ", StringComparison.Ordinal));
        Assert.That(onnxRuntime.TrimEnd(), Does.EndWith("pass     0  fail     0  known     1  error     0  n/a     0"),
            "unstable is said only where there is one (README: --repeat)");

        var page = new HtmlExporter().Render(table);
        Assert.That(page, Does.Contain($"<title>AccuracyHarness report: {table.Counts}</title>"));
        foreach (var label in new[] { "fail", "known", "error", "pass", "n/a", "unstable" })
            Assert.That(page, Does.Contain($"<b>1</b> {label}</span>"), label);
        Assert.That(page, Does.Contain("<tr><th>reference@cpu</th><td class=\"fail\">1</td><td class=\"\">0</td>" +
            "<td class=\"error\">1</td><td>1</td><td>1</td><td class=\"unstable\">1</td>"));

        var dir = HarnessProcess.TempDir();
        new JUnitExporter().Export(table, dir);
        var root = System.Xml.Linq.XDocument.Load(Path.Combine(dir, new JUnitExporter().FileName)).Root!;
        Assert.That((int)root.Attribute("failures")!, Is.EqualTo(table.Counts.Fail + table.Counts.Unstable));
        Assert.That((int)root.Attribute("skipped")!, Is.EqualTo(table.Counts.NotApplicable + table.Counts.Known));
    }
}
