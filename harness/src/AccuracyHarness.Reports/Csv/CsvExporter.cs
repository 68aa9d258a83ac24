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
        ("backend", r => r.Backend),
        ("device", r => r.Device),
        ("dtype", r => r.DataType),
        ("layout", r => r.Layout),
        ("status", r => StatusNames.Of(r.Status)),
        ("max_abs_err", r => Number(r.MaxAbsErr)),
        ("max_rel_err", r => Number(r.MaxRelErr)),
        ("max_ulp", r => r.MaxUlp.ToString(CultureInfo.InvariantCulture)),
        ("bound_ratio", r => Number(r.BoundRatio)),
        ("mismatches", r => r.Mismatches.ToString(CultureInfo.InvariantCulture)),
        ("elements", r => r.Elements.ToString(CultureInfo.InvariantCulture)),
        ("diagnosis", r => r.Diagnosis),
        ("stage", r => r.Stage),
        ("seconds", r => r.Seconds.ToString("0.######", CultureInfo.InvariantCulture)),
        ("repro", r => r.Repro),
        ("location", r => r.Location),
        ("message", ResultText.Message),
        ("worst", r => r.Worst),
        ("source", r => r.Source),
        ("rank", r => r.Case.Rank.ToString(CultureInfo.InvariantCulture)),
        ("batch", r => r.Case.Batch.ToString(CultureInfo.InvariantCulture)),
        ("in_channels", r => r.Case.InChannels.ToString(CultureInfo.InvariantCulture)),
        ("out_channels", r => r.Case.OutChannels.ToString(CultureInfo.InvariantCulture)),
        ("groups", r => r.Case.Groups.ToString(CultureInfo.InvariantCulture)),
        ("input", r => r.Case.Input.ToString()),
        ("kernel", r => r.Case.Kernel.ToString()),
        ("strides", r => r.Case.Strides.ToString()),
        ("dilations", r => r.Case.Dilations.ToString()),
        ("pads_begin", r => r.Case.PadsBegin.ToString()),
        ("pads_end", r => r.Case.PadsEnd.ToString()),
        ("output_padding", r => r.Case.OutputPadding.ToString()),
        ("auto_pad", r => Names.Of(r.Case.AutoPad)),
        ("output_shape", r => r.Case.OutputShape?.ToString() ?? ""),
        ("bias", r => r.Case.HasBias ? "1" : "0"),
        ("fill", r => Names.Of(r.Case.Fill)),
        ("seed", r => r.Case.Seed.ToString(CultureInfo.InvariantCulture)),
        ("diagnosis_kind", r => r.DiagnosisKind == DiagnosisKind.None ? "" : r.DiagnosisKind.ToString()),
        ("fault_model", r => r.FaultModel),
        ("equally_fitting", r => string.Join(" ", r.EquallyFitting)),
        ("known_issues", r => ResultText.KnownIssues(r.KnownIssues)),
        ("findings", r => string.Join("; ", r.Findings)),
        ("device_time", r => ResultText.DeviceTimes(r.DeviceTimes)),
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
