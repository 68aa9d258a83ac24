using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Reports.Csv;
using AccuracyHarness.Reports.Html;
using AccuracyHarness.Reports.JUnit;

namespace AccuracyHarness.Reports;

/// <summary>The report formats keyed by name, and the list a run and `report` write by default.</summary>
public static class Exporters
{
    public static IReadOnlyList<ExporterEntry> All { get; } =
    [
        new("csv", "results.csv: the contract columns and every case parameter", _ => new CsvExporter()),
        new("junit", "junit.xml: one test per case x backend x device, for CI systems", _ => new JUnitExporter()),
        new("html", "report.html: one self-contained page for people", c => new HtmlExporter(c.Comparison)),
    ];

    public static IReadOnlyList<string> Default { get; } = ["csv", "junit", "html"];

    public static ExporterEntry Get(string name) =>
        All.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException(
                $"unknown report format '{name}' (known: {string.Join(", ", All.Select(e => e.Name))})", nameof(name));

    /// <summary>Writes the default formats into the folder, each timed as a reporting stage of <paramref name="profile"/>; returns the
    /// paths written.</summary>
    public static IReadOnlyList<string> Export(ResultTable table, string directory, ExportContext? context = null,
        RunProfile? profile = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var name in Default)
        {
            var exporter = Get(name).Create(context ?? new ExportContext());
            (profile ?? new RunProfile()).Time(ProfileStage.Reporting(exporter.FileName), () =>
            {
                exporter.Export(table, directory);
                return true;
            });
            written.Add(Path.Combine(directory, exporter.FileName));
        }
        return written;
    }
}
