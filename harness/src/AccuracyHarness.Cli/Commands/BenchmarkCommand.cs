using System.CommandLine;
using System.Diagnostics;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Cli.Commands;

/// <summary>
/// `benchmark`: the harness's throughput on suites, and where the time goes. Each suite runs
/// --repeat times in this process (caches warm after the first); figures are medians.
/// </summary>
public static class BenchmarkCommand
{
    private static readonly Option<string[]> Suites = CommonOptions.Suites("Suites to measure (repeatable; default: cases/smoke).");

    private static readonly Option<IReadOnlyList<string>?> BackendList =
        CommonOptions.Backends("Comma-separated backends (default: every built-in backend); the backends are listed below.");

    private static readonly Option<IReadOnlyList<string>> Devices = CommonOptions.Devices();

    private static readonly Option<int> Repeat =
        CommonOptions.Repeat("Runs per suite; the first also pays program builds and session creation (default 3).", 3);

    private static readonly Option<int> Jobs = CommonOptions.Jobs("Cases run at the same time (default 1).");

    /// <summary>What `benchmark` was given, read once (every value typed and checked at its option).</summary>
    private sealed record Inputs(IReadOnlyList<string> Suites, IReadOnlyList<string>? Backends, IReadOnlyList<string> Devices, int Repeat,
        int Jobs)
    {
        public static Inputs Read(ParseResult parsed) => new(
            parsed.GetValue(BenchmarkCommand.Suites) ?? [],
            parsed.GetValue(BackendList),
            parsed.GetValue(BenchmarkCommand.Devices) ?? [],
            parsed.GetValue(BenchmarkCommand.Repeat),
            parsed.GetValue(BenchmarkCommand.Jobs));
    }

    public static Command Create()
    {
        var command = new Command("benchmark", """
            Measure throughput: cases per second on each suite and the time split by stage (inputs,
            reference, each backend, comparison, diagnosis, reporting), with the harness's own overhead
            (everything but the backends) as a share of the wall time, each OpenCL backend's kernel (device)
            time against its host time, and the caches' counters: programs built from source and loaded
            from the persistent binary cache, sessions, descriptors, buffers.

            Example:
              scripts/harness benchmark --suite cases/smoke --suite cases/nightly --repeat 3
            """)
        {
            Suites, BackendList, Devices, Repeat, Jobs,
        };
        BackendOptions.AddTo(command);
        command.SetAction(Execute);
        return command;
    }

    private static int Execute(ParseResult parsed)
    {
        var inputs = Inputs.Read(parsed);
        var (repeat, jobs) = (inputs.Repeat, inputs.Jobs);
        var gemm = BackendWiring.ReferenceGemm(jobs);
        var backends = BackendWiring.Create(parsed, BackendList.Name, inputs.Backends, inputs.Devices, gemm);
        var suites = inputs.Suites.Count > 0 ? inputs.Suites : [Path.Combine(ProjectPaths.Cases, "smoke")];
        var names = backends.Select(b => $"{b.Name}@{b.Device}");

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}; jobs {jobs}; backends {string.Join(", ", names)}");
        foreach (var suite in suites)
        {
            var cases = SuiteLoading.Load(suite).Cases;
            var options = new RunOptions { Jobs = jobs, Gemm = gemm };
            var runs = Enumerable.Range(0, repeat).Select(_ => Measure(cases, backends, options)).ToList();
            var median = runs.OrderBy(m => m.Wall).ElementAt(runs.Count / 2);
            Console.WriteLine();
            Console.WriteLine($"{suite}: {cases.Count} cases, {median.Results} results; "
                + $"wall time per run {string.Join(", ", runs.Select(m => $"{m.Wall:0.00} s"))}; "
                + $"median {median.Wall:0.00} s, {cases.Count / median.Wall:0.0} cases/s");
            var backendSeconds = median.Stages.Where(s => s.Stage.Kind == ProfileStageKind.Backend).Sum(s => s.Seconds);
            foreach (var (stage, seconds) in median.Stages)
                Console.WriteLine($"  {stage,-40} {seconds,9:0.000} s  {100 * seconds / median.Wall,5:0.0}% of wall");
            // Stage times are summed over the jobs: the backends' share of the wall time is their sum over the jobs.
            var overhead = Math.Max(0, median.Wall - (backendSeconds / jobs)) / median.Wall;
            Console.WriteLine($"  {"harness overhead (all but the backends)",-40} {100 * overhead,9:0.0}% of wall");
            foreach (var line in DeviceTimeLines(median)) Console.WriteLine(line);
            var throughput = new ThroughputTable();
            foreach (var run in runs) throughput.Add(run.All, run.Stages.FirstOrDefault(s => s.Stage == ProfileStage.Reference).Seconds,
                run.Wall);
            foreach (var line in throughput.Lines()) Console.WriteLine(line);
            if (runs[0].Counters.Count == 0) continue;
            Console.WriteLine("  caches, per run (a later run repeats only what the caches no longer hold):");
            for (var c = 0; c < runs[0].Counters.Count; c++)
                Console.WriteLine($"  {runs[0].Counters[c].Name,-62} {string.Join(", ", runs.Select(m => m.Counters[c].Value))}");
        }
        return ExitCodes.Success;
    }

    private sealed record Measurement(
        double Wall, IReadOnlyList<CaseResult> All, IReadOnlyList<(ProfileStage Stage, double Seconds)> Stages,
        IReadOnlyList<(string Name, long Value)> Counters)
    {
        public int Results => All.Count;
    }

    /// <summary>
    /// For each backend whose results carry kernel times (the OpenCL ones), the median run's device time against the rest of
    /// its time, the host's: buffers, transfers, poisoning, program builds, layout packing.
    /// </summary>
    private static IEnumerable<string> DeviceTimeLines(Measurement median)
    {
        var devices = median.All.Where(r => r.Metrics.DeviceTimes.Count > 0)
            .GroupBy(r => ProfileStage.Backend(r.Subject.Backend, r.Subject.Device))
            .Select(g => (Stage: g.Key, Seconds: g.Sum(r => r.Metrics.DeviceTimes.Sum(t => t.Milliseconds)) / 1000))
            .OrderBy(d => d.Stage.Of, StringComparer.Ordinal).ToList();
        if (devices.Count == 0) yield break;
        yield return "  device vs host time, median run (host: the backend's time less its kernels' device time):";
        yield return $"  {"backend",-40} {"device",9}   {"host",9}   host/device";
        foreach (var (stage, device) in devices)
        {
            var host = Math.Max(0, median.Stages.First(s => s.Stage == stage).Seconds - device);
            yield return $"  {stage.Of,-40} {device,9:0.000} s {host,9:0.000} s {(device > 0 ? host / device : 0),11:0.00}";
        }
    }

    private static List<(string Name, long Value)> Counters(IReadOnlyList<IBackend> backends) =>
        backends.SelectMany(b => b.Counters).DistinctBy(c => c.Key).Select(c => (Name: c.Key, c.Value)).ToList();

    /// <summary>
    /// One run as `run` does it, less the progress display: results.jsonl appended per case,
    /// then run.json and every default report, each report timed as its own reporting stage.
    /// </summary>
    private static Measurement Measure(IReadOnlyList<SuiteCase> cases, IReadOnlyList<IBackend> backends, RunOptions options)
    {
        var before = Counters(backends);
        var dir = Path.Combine(Path.GetTempPath(), $"harness-benchmark-{Environment.ProcessId}");
        var watch = Stopwatch.StartNew();
        var pipeline = new RunPipeline(backends, options with { OutputDirectory = dir });
        var results = pipeline.Run(cases, [], pipeline.Start());
        Reporting.Write(new ResultTable(results, new RunInfo(BackendWiring.Environment())), dir, pipeline.Profile);
        var wall = watch.Elapsed.TotalSeconds;
        Directory.Delete(dir, recursive: true);
        var counted = Counters(backends).Select((c, i) => (c.Name, c.Value - before[i].Value)).ToList();
        return new Measurement(wall, results, pipeline.Profile.Totals(), counted);
    }
}
