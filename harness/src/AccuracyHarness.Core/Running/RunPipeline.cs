using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// The one sequence every command runs cases with. Its I/O comes in explicit steps: <see cref="Start"/>
/// (a fresh output folder) or <see cref="Resume"/> (the results an interrupted run finished) gives the
/// <see cref="RunState"/>; <see cref="Run"/> keeps those results and does not run them again, writes each
/// finished case to results.jsonl in the output folder (when there is one) and tells the observers, and
/// returns the results resumed ones first, then in case order.
/// </summary>
/// <param name="baseline">Known divergences: results they cover are marked <see cref="CaseResult.Known"/>.</param>
public sealed class RunPipeline(IReadOnlyList<IBackend> backends, RunOptions options, RunProfile? profile = null, Baseline? baseline = null)
{
    /// <summary>Marks the results it expects as known before anyone sees them.</summary>
    private readonly Baseline _baseline = baseline ?? Baseline.Empty;

    /// <summary>results.jsonl, or null when the run has no output folder.</summary>
    private string? JsonLines => options.OutputDirectory is { } dir ? Path.Combine(dir, ResultJson.FileName) : null;

    public RunProfile Profile { get; } = profile ?? new RunProfile();

    /// <summary>A fresh run: the output folder (when there is one) exists and holds no results.jsonl.</summary>
    public RunState Start()
    {
        if (options.OutputDirectory is { } dir) Directory.CreateDirectory(dir);
        if (JsonLines is { } path) File.Delete(path);
        return RunState.Fresh;
    }

    /// <summary>
    /// Continues the run in <see cref="RunOptions.OutputDirectory"/>: its results.jsonl (which must exist)
    /// read back, a last line cut short dropped from it (<see cref="ResultJson.RepairForResume"/>), the
    /// results marked against the baseline as new ones are. Any other corrupt line is a <see cref="StoredFileException"/>.
    /// </summary>
    /// <param name="dropped">Told of each unfinished line results.jsonl had.</param>
    public RunState Resume(Action<string> dropped)
    {
        var path = JsonLines ?? throw new InvalidOperationException("resuming needs the run's output folder");
        return new RunState(ResultJson.RepairForResume(path, dropped).Select(_baseline.Mark).ToList());
    }

    /// <summary>Results still to produce for <paramref name="cases"/>.</summary>
    public int Pending(IReadOnlyList<SuiteCase> cases, RunState state) => Math.Max(0, cases.Count * backends.Count - state.Done.Count);

    /// <param name="state">What is already done (<see cref="Start"/> or <see cref="Resume"/>); a run without an output
    /// folder may leave it out.</param>
    /// <param name="caseRunner">How a case runs; default: in this process.</param>
    public IReadOnlyList<CaseResult> Run(IReadOnlyList<SuiteCase> cases, IReadOnlyList<IRunObserver> observers,
        RunState? state = null, CaseRunner? caseRunner = null)
    {
        var done = state ?? RunState.Fresh;
        var runner = new Runner(backends, options, Profile);
        var run = caseRunner ?? runner.RunCase;
        using var writer = JsonLines is { } path ? new JsonLinesWriter(path) : null;
        IReadOnlyList<IRunObserver> all = writer is null ? observers : [new TimedObserver(writer, Profile), .. observers];
        var fresh = RunAll(cases, (c, ct) => Repeats.Run(options.Repeat, () => run(c, done.Keys, ct)).Select(_baseline.Mark).ToList(),
            options.Jobs, all, CancellationToken.None);
        return [.. done.Done, .. fresh];
    }

    /// <summary>Up to <paramref name="jobs"/> cases at once, results published per case, returned in case order.</summary>
    private static IReadOnlyList<CaseResult> RunAll(
        IReadOnlyList<SuiteCase> cases,
        Func<SuiteCase, CancellationToken, IReadOnlyList<CaseResult>> runCase,
        int jobs,
        IReadOnlyList<IRunObserver> observers,
        CancellationToken cancellation)
    {
        var perCase = new IReadOnlyList<CaseResult>[cases.Count];
        var gate = new Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellation };
        Parallel.For(0, cases.Count, parallel, i =>
        {
            perCase[i] = runCase(cases[i], cancellation);
            if (perCase[i].Count == 0) return;
            lock (gate)
            {
                foreach (var observer in observers) observer.OnCase(perCase[i]);
            }
        });
        return perCase.SelectMany(r => r).ToList();
    }

    /// <summary>Writing results.jsonl counts as reporting in the run's profile.</summary>
    private sealed class TimedObserver(IRunObserver inner, RunProfile profile) : IRunObserver
    {
        public void OnCase(IReadOnlyList<CaseResult> results) => profile.Time(ProfileStage.Reporting(ResultJson.FileName), () =>
        {
            inner.OnCase(results);
            return true;
        });
    }
}
