using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Reports;

/// <summary>What an exporter may show beyond the result table: the comparison with an earlier run, when one was asked for.</summary>
public sealed record ExportContext(ResultComparison? Comparison = null);
