using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Reports;

/// <summary>A report format by name, and how to make its exporter.</summary>
public sealed record ExporterEntry(string Name, string Description, Func<ExportContext, IExporter> Create);
