using System.CommandLine;
using System.Diagnostics;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.Reports;

namespace AccuracyHarness.Cli.Commands;

/// <summary>
/// `benchmark`: the harness's throughput on suites, and where the time goes. Each suite runs
/// --repeat times in this process (caches warm after the first); figures are medians.
/// </summary>
public static class BenchmarkCommand
{
    private static readonly Option<string[]> Suites = new("--suite")
    {
        Description = "Suites to measure (repeatable; default: cases/smoke).",
        HelpName = "PATH",
    };

    private static readonly Option<string?> BackendList = new("--backends")
    {
        Description = "Comma-separated backends (default: every built-in backend).",
        HelpName = "LIST",
    };

    private static readonly Option<int> Repeat = new("--repeat")
    {
        Description = "Runs per suite; the first also pays program builds and session creation (default 3).",
        HelpName = "N",
        DefaultValueFactory = _ => 3,
    };

    private static readonly Option<int> Jobs = new("--jobs")
    {
        Description = "Cases run at the same time (default 1).",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    public static Command Create()
    {
        var command = new Command("benchmark", """
            Measure throughput: cases per second on each suite and the time split by stage (inputs,
            reference, each backend, comparison, diagnosis, reporting), with the harness's own overhead
            (everything but the backends) as a share of the wall time, the caches' counters, and each
            backend's multiply-adds per second with its ratio to ONNX Runtime in the same runs.

            Example:
              scripts/harness benchmark --suite cases/smoke --suite cases/nightly --repeat 3
              scripts/harness benchmark --suite cases/perf --repeat 3 --ort-threads 2
            """)
        {
            Suites, BackendList, Repeat, Jobs, BackendOptions.OrtThreads,
        };
        command.SetAction(Execute);
        return command;
    }

    private static int Execute(ParseResult parsed)
    {
        var catalogue = BackendWiring.Catalogue();
        var names = parsed.GetValue(BackendList)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            ?? BackendWiring.Defaults(catalogue).ToList();
        foreach (var name in names.Where(n => !catalogue.Contains(n)))
            throw new UsageException($"--backends: unknown backend '{name}'");
        var options = parsed.GetValue(BackendOptions.OrtThreads) is { } threads
            ? new Dictionary<string, string> { ["ort-threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : [];
        var backends = names.SelectMany(n => catalogue.Create(n, new BackendSettings { Options = options })).ToList();
        var repeat = parsed.GetValue(Repeat) is var r and >= 1 ? r : throw new UsageException("--repeat must be >= 1");
        var jobs = parsed.GetValue(Jobs) is var j and >= 1 ? j : throw new UsageException("--jobs must be >= 1");
        var suites = parsed.GetValue(Suites) is { Length: > 0 } given ? given : [Path.Combine(ProjectPaths.Cases, "smoke")];

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; jobs {jobs}; backends {string.Join(", ", names)}");
        foreach (var suite in suites)
        {
            var cases = SuiteLoading.Load(suite).Cases;
            var runs = Enumerable.Range(0, repeat).Select(_ => Measure(cases, backends, jobs)).ToList();
            var median = runs.OrderBy(m => m.Wall).ElementAt(runs.Count / 2);
            Console.WriteLine();
            Console.WriteLine($"{suite}: {cases.Count} cases, {median.Results} results; wall time per run {string.Join(", ", runs.Select(m => $"{m.Wall:0.00} s"))}; median {median.Wall:0.00} s, {cases.Count / median.Wall:0.0} cases/s");
            var backendSeconds = median.Stages.Where(s => s.Stage.StartsWith("backend ", StringComparison.Ordinal)).Sum(s => s.Seconds);
            foreach (var (stage, seconds) in median.Stages)
                Console.WriteLine($"  {stage,-40} {seconds,9:0.000} s  {100 * seconds / median.Wall,5:0.0}% of wall");
            // Stage times are summed over the jobs: the backends' share of the wall time is their sum over the jobs.
            var overhead = Math.Max(0, median.Wall - (backendSeconds / jobs)) / median.Wall;
            Console.WriteLine($"  {"harness overhead (all but the backends)",-40} {100 * overhead,9:0.0}% of wall");
            var throughput = new ThroughputTable();
            foreach (var run in runs) throughput.Add(run.All, run.Stages.FirstOrDefault(s => s.Stage == RunProfile.Reference).Seconds, run.Wall);
            foreach (var line in throughput.Lines()) Console.WriteLine(line);
            if (runs[0].Counters.Count == 0) continue;
            Console.WriteLine("  caches, per run (a later run repeats only what the caches no longer hold):");
            for (var c = 0; c < runs[0].Counters.Count; c++)
                Console.WriteLine($"  {runs[0].Counters[c].Name,-62} {string.Join(", ", runs.Select(m => m.Counters[c].Value))}");
        }
        return ExitCodes.Success;
    }

    private sealed record Measurement(
        double Wall, IReadOnlyList<CaseResult> All, IReadOnlyList<(string Stage, double Seconds)> Stages, IReadOnlyList<(string Name, long Value)> Counters)
    {
        public int Results => All.Count;
    }

    private static List<(string Name, long Value)> Counters(IReadOnlyList<IBackend> backends) =>
        backends.SelectMany(b => b.Counters.Select(c => (Name: $"{b.Name}@{b.Device}: {c.Key}", c.Value))).DistinctBy(c => c.Name).ToList();

    /// <summary>
    /// One run as `run` does it, less the progress display: results.jsonl appended per case,
    /// then run.json and every default report, each report timed as its own reporting stage.
    /// </summary>
    private static Measurement Measure(IReadOnlyList<SuiteCase> cases, IReadOnlyList<IBackend> backends, int jobs)
    {
        var profile = new RunProfile();
        var before = Counters(backends);
        var dir = Path.Combine(Path.GetTempPath(), $"harness-benchmark-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        var watch = Stopwatch.StartNew();
        IReadOnlyList<CaseResult> results;
        using (var jsonl = new JsonLinesWriter(Path.Combine(dir, "results.jsonl")))
        {
            results = new Runner(backends, new RunOptions { Jobs = jobs }, [new TimedObserver(jsonl, profile)], profile).Run(cases);
        }
        var table = new ResultTable(results, new RunInfo(BackendWiring.Environment()));
        profile.Time($"{RunProfile.Reporting} {RunJson.FileName}", () =>
        {
            RunJson.Write(table.Info, dir);
            return true;
        });
        foreach (var name in Exporters.Default)
        {
            var exporter = Exporters.Get(name).Create(new ExportContext());
            profile.Time($"{RunProfile.Reporting} {exporter.FileName}", () =>
            {
                exporter.Export(table, dir);
                return true;
            });
        }
        var wall = watch.Elapsed.TotalSeconds;
        Directory.Delete(dir, recursive: true);
        var counted = Counters(backends).Select((c, i) => (c.Name, c.Value - before[i].Value)).ToList();
        return new Measurement(wall, results, profile.Totals(), counted);
    }

    private sealed class TimedObserver(IRunObserver inner, RunProfile profile) : IRunObserver
    {
        public void OnCase(IReadOnlyList<CaseResult> results) => profile.Time($"{RunProfile.Reporting} results.jsonl", () =>
        {
            inner.OnCase(results);
            return true;
        });
    }
}
