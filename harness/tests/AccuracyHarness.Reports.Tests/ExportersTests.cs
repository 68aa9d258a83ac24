namespace AccuracyHarness.Reports.Tests;

public class ExportersTests
{
    [Test]
    public void The_default_list_writes_csv_junit_and_html()
    {
        var dir = SampleRun.Folder("exporters");
        var written = Exporters.Export(SampleRun.Table, dir);
        Assert.That(written.Select(Path.GetFileName), Is.EqualTo(new[] { "results.csv", "junit.xml", "report.html" }));
        Assert.That(written.Select(f => new FileInfo(f).Length), Is.All.GreaterThan(0));
    }

    [Test]
    public void An_unknown_format_is_named_with_the_known_ones() =>
        Assert.That(() => Exporters.Get("pdf"),
            Throws.ArgumentException.With.Message.Contains("'pdf'").And.Message.Contains("csv, junit, html"));
}
