using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using CsvHelper;

namespace AccuracyHarness.Reports.Csv;

/// <summary>
/// results.csv: the contract columns (docs/ARCHITECTURE.md section 9.4) first, in their order, then
/// the location, message and source of each result, then every case parameter, then the columns
/// added later, in the order they were added (the diagnosis's structured parts, the
/// implementation a library picked, then the baseline entry that expects the result), so a
/// reader of an older file finds every column where it was.
/// </summary>
public sealed class CsvExporter : IExporter
{
    public const string Name = "results.csv";

    private static readonly IReadOnlyList<(string Column, Func<CaseResult, string> Value)> Columns =
    [
        ("case_id", r => r.CaseId),
        ("backend", r => r.Subject.Backend),
        ("device", r => r.Subject.Device),
        ("dtype", r => ResultText.DataType(r)),
        ("layout", r => ResultText.Layout(r)),
        ("status", r => StatusNames.Of(r.Status)),
        ("max_abs_err", r => Number(r.Metrics.MaxAbsErr)),
        ("max_rel_err", r => Number(r.Metrics.MaxRelErr)),
        ("max_ulp", r => r.Metrics.MaxUlp.ToString(CultureInfo.InvariantCulture)),
        ("bound_ratio", r => Number(r.Metrics.BoundRatio)),
        ("mismatches", r => r.Metrics.Mismatches.ToString(CultureInfo.InvariantCulture)),
        ("elements", r => r.Metrics.Elements.ToString(CultureInfo.InvariantCulture)),
        ("diagnosis", r => r.Diagnosis.Text),
        ("stage", r => r.Diagnosis.Stage),
        ("seconds", r => r.Metrics.Seconds.ToString("0.######", CultureInfo.InvariantCulture)),
        ("repro", r => ReproLine.Of(r.Subject)),
        ("location", r => r.Diagnosis.Location),
        ("message", ResultText.Message),
        ("worst", r => r.Metrics.Worst),
        ("source", r => r.Subject.Source),
        ("rank", r => r.Subject.Case.Rank.ToString(CultureInfo.InvariantCulture)),
        ("batch", r => r.Subject.Case.Batch.ToString(CultureInfo.InvariantCulture)),
        ("in_channels", r => r.Subject.Case.InChannels.ToString(CultureInfo.InvariantCulture)),
        ("out_channels", r => r.Subject.Case.OutChannels.ToString(CultureInfo.InvariantCulture)),
        ("groups", r => r.Subject.Case.Groups.ToString(CultureInfo.InvariantCulture)),
        ("input", r => r.Subject.Case.Input.ToString()),
        ("kernel", r => r.Subject.Case.Kernel.ToString()),
        ("strides", r => r.Subject.Case.Strides.ToString()),
        ("dilations", r => r.Subject.Case.Dilations.ToString()),
        ("pads_begin", r => r.Subject.Case.PadsBegin.ToString()),
        ("pads_end", r => r.Subject.Case.PadsEnd.ToString()),
        ("output_padding", r => r.Subject.Case.OutputPadding.ToString()),
        ("auto_pad", r => Names.Of(r.Subject.Case.AutoPad)),
        ("output_shape", r => r.Subject.Case.OutputShape?.ToString() ?? ""),
        ("bias", r => r.Subject.Case.HasBias ? "1" : "0"),
        ("fill", r => Names.Of(r.Subject.Case.Fill)),
        ("seed", r => r.Subject.Case.Seed.ToString(CultureInfo.InvariantCulture)),
        ("diagnosis_kind", r => r.Diagnosis.Kind == DiagnosisKind.None ? "" : r.Diagnosis.Kind.ToString()),
        ("fault_model", r => r.Diagnosis.FaultModel),
        ("equally_fitting", r => string.Join(" ", r.Diagnosis.EquallyFitting)),
        ("known_issues", r => ResultText.KnownIssues(r.Diagnosis.KnownIssues)),
        ("findings", r => string.Join("; ", r.Diagnosis.Findings)),
        ("device_time", r => ResultText.DeviceTimes(r.Metrics.DeviceTimes)),
        ("impl", r => r.Impl),
        ("known", r => r.IsKnown ? r.Known!.ToString() : ""),
    ];

    public string FileName => Name;

    public void Export(ResultTable table, string directory)
    {
        using var writer = new StreamWriter(Path.Combine(directory, Name));
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: false);
        csv.WriteRecord(Columns.Select(c => c.Column).ToArray());
        foreach (var result in table.Results)
            csv.WriteRecord(Columns.Select(c => c.Value(result)).ToArray());
    }

    private static string Number(double v) => v.ToString("G9", CultureInfo.InvariantCulture);
}
