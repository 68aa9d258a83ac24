using System.CommandLine;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Cli.Commands;

/// <summary>`report`: renders results.csv, junit.xml and report.html again from stored results, merging shards.</summary>
public static class ReportCommand
{
    private static readonly Option<string[]> From = new("--from")
    {
        Description = "A run folder holding results.jsonl (and run.json); repeat it to merge shards " +
            "(a later result replaces an earlier one with the same case, backend and device).",
        HelpName = "DIR",
        Required = true,
    };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Where to write the reports (default: the --from folder when there is one).",
        HelpName = "DIR",
    };

    private static readonly Option<string?> Compare = new("--compare")
    {
        Description = "An earlier run folder: list results newly failing, newly passing and newly known (failing as the " +
            "baseline expects) since it (printed, in compare.txt and in report.html); exit 1 when any is newly failing.",
        HelpName = "PREVIOUS_DIR",
    };

    private static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "Known divergences, as for run (e.g. cases/baseline): exit 1 when a failing or erroring result is not listed " +
            "(CI's merge of shards).",
        HelpName = "FILE",
    };

    public static Command Create()
    {
        var command = new Command("report", """
            Render results.csv, junit.xml and report.html again from the results.jsonl of run folders.

            Examples:
              scripts/harness report --from reports/latest
              scripts/harness report --from shard1 --from shard2 --out reports/nightly
              scripts/harness report --from reports/today --compare reports/yesterday
              scripts/harness report --from shard-1 --from shard-2 --out reports/nightly --baseline cases/baseline
            """)
        {
            From, Out, Compare, BaselineOption,
        };
        command.SetAction(result => Execute(result));
        return command;
    }

    private static int Execute(ParseResult parsed)
    {
        var folders = parsed.GetValue(From)!;
        foreach (var folder in folders) RequireResults("--from", folder);
        var previous = parsed.GetValue(Compare);
        if (previous is not null) RequireResults("--compare", previous);
        var outDir = parsed.GetValue(Out)
            ?? (folders.Length == 1 ? folders[0] : throw new UsageException("--out is required when --from is given more than once"));
        var baseline = parsed.GetValue(BaselineOption) is { } baselinePath ? BaselineLoading.Load(baselinePath) : null;

        var stored = Read(folders);
        // The baseline given here decides what is known, so the reports and the exit code agree.
        var table = baseline is null ? stored.Table : stored.Table with { Results = stored.Table.Results.Select(baseline.Mark).ToList() };
        Console.Out.WriteLine(stored.Shards > 1
            ? $"merged {stored.Shards} shards: {stored.Rows} results read, {table.Results.Count} kept " +
                $"({stored.Replaced} replaced by a later shard)"
            : $"read {table.Results.Count} results ({stored.Replaced} replaced by a later row with the same key)");

        var comparison = previous is null ? null : ResultComparison.Of(previous, Read([previous]).Table.Results, table.Results);
        Directory.CreateDirectory(outDir);
        if (folders.Length > 1 || !SameFolder(outDir, folders[0]))
        {
            // A merged folder is a run folder too: it can be reported and compared again.
            File.WriteAllLines(Path.Combine(outDir, StoredRuns.ResultsFile), table.Results.Select(ResultJson.ToLine));
            RunJson.Write(table.Info, outDir);
        }
        var written = Exporters.Export(table, outDir, new ExportContext(comparison)).ToList();
        if (comparison is not null)
        {
            var text = comparison.ToText();
            var path = Path.Combine(outDir, ResultComparison.FileName);
            File.WriteAllText(path, text);
            written.Add(path);
            Console.Out.Write(text);
        }
        Console.Out.WriteLine($"{table.Results.Count} results: {table.Counts}");
        Console.Out.WriteLine($"wrote {string.Join(", ", written)}");
        var fresh = baseline?.Classify(table.Results).New ?? [];
        if (baseline is not null)
        {
            Console.Out.WriteLine($"{fresh.Count} new divergence(s): failing or erroring results the baseline does not list");
            foreach (var r in fresh.Take(20))
                Console.Out.WriteLine($"  {r.Subject.Backend}@{r.Subject.Device} {r.CaseId}: {r.Diagnosis.Text}");
        }
        return comparison is { NewlyFailing.Count: > 0 } || fresh.Count > 0 ? ExitCodes.Divergence : ExitCodes.Success;
    }

    /// <summary>Stored runs; a corrupt or truncated results.jsonl or run.json is a usage error naming file, line and field.</summary>
    private static StoredRuns Read(IReadOnlyList<string> folders)
    {
        try
        {
            return StoredRuns.Read(folders);
        }
        catch (StoredFileException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static bool SameFolder(string a, string b) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(b));

    private static void RequireResults(string option, string folder)
    {
        if (!Directory.Exists(folder)) throw new UsageException($"{option}: no such folder: {folder}");
        if (!File.Exists(Path.Combine(folder, StoredRuns.ResultsFile)))
            throw new UsageException($"{option}: {folder} has no {StoredRuns.ResultsFile}");
    }
}
