using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// The one sequence every command runs cases with: results a resumed run already has are kept
/// and not run again, each finished case goes to results.jsonl in the output folder (when there
/// is one) and to the observers, and the results come back resumed ones first, then in case order.
/// </summary>
public sealed class RunPipeline
{
    private readonly IReadOnlyList<IBackend> _backends;
    private readonly RunOptions _options;

    /// <summary>results.jsonl, or null when the run has no output folder.</summary>
    private readonly string? _jsonLines;

    /// <summary>Results of the run being resumed.</summary>
    private readonly IReadOnlyList<CaseResult> _previous = [];

    /// <summary>Marks the results it expects as known before anyone sees them.</summary>
    private readonly Baseline _baseline;

    /// <param name="resume">Continue the run in <see cref="RunOptions.OutputDirectory"/> (its results.jsonl must exist) rather
    /// than start afresh.</param>
    /// <param name="dropped">Told of each unfinished line a resumed results.jsonl had.</param>
    /// <param name="baseline">Known divergences: results they cover are marked <see cref="CaseResult.Known"/>.</param>
    public RunPipeline(IReadOnlyList<IBackend> backends, RunOptions options, RunProfile? profile = null, bool resume = false,
        Action<string>? dropped = null, Baseline? baseline = null)
    {
        _backends = backends;
        _baseline = baseline ?? Baseline.Empty;
        Profile = profile ?? new RunProfile();
        if (options.OutputDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            _jsonLines = Path.Combine(dir, ResultJson.FileName);
            if (resume) _previous = ResultJson.RepairForResume(_jsonLines, dropped ?? (_ => { })).Select(_baseline.Mark).ToList();
            else File.Delete(_jsonLines);
        }
        _options = options with { Done = _previous.Select(r => r.Key).ToHashSet() };
    }

    public RunProfile Profile { get; }

    /// <summary>Results still to produce for <paramref name="cases"/>.</summary>
    public int Pending(IReadOnlyList<SuiteCase> cases) => Math.Max(0, cases.Count * _backends.Count - _previous.Count);

    /// <param name="caseRunner">How a case runs; default: in this process.</param>
    public IReadOnlyList<CaseResult> Run(IReadOnlyList<SuiteCase> cases, IReadOnlyList<IRunObserver> observers,
        CaseRunner? caseRunner = null)
    {
        var runner = new Runner(_backends, _options, Profile);
        var run = caseRunner ?? ((c, _, ct) => runner.RunCase(c, ct));
        using var writer = _jsonLines is null ? null : new JsonLinesWriter(_jsonLines);
        IReadOnlyList<IRunObserver> all = writer is null ? observers : [new TimedObserver(writer, Profile), .. observers];
        var fresh = RunAll(cases, (c, ct) => Repeats.Run(_options.Repeat, () => run(c, _options.Done, ct)).Select(_baseline.Mark).ToList(),
            _options.Jobs, all, CancellationToken.None);
        return [.. _previous, .. fresh];
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
