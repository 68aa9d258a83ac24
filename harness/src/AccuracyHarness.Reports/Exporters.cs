using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.Csv;
using AccuracyHarness.Reports.Html;
using AccuracyHarness.Reports.JUnit;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Reports;

/// <summary>What an exporter may show beyond the result table: the comparison with an earlier run, when one was asked for.</summary>
public sealed record ExportContext(ResultComparison? Comparison = null);

public sealed record ExporterEntry(string Name, string Description, Func<ExportContext, IExporter> Create);

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
        All.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException($"unknown report format '{name}' (known: {string.Join(", ", All.Select(e => e.Name))})", nameof(name));

    /// <summary>Writes the default formats into the folder; returns the paths written.</summary>
    public static IReadOnlyList<string> Export(ResultTable table, string directory, ExportContext? context = null)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var name in Default)
        {
            var exporter = Get(name).Create(context ?? new ExportContext());
            exporter.Export(table, directory);
            written.Add(Path.Combine(directory, exporter.FileName));
        }
        return written;
    }
}
