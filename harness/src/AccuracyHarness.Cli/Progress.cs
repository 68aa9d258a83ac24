using System.Diagnostics;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using Spectre.Console;
using Status = AccuracyHarness.Core.Results.Status;

namespace AccuracyHarness.Cli;

/// <summary>
/// Progress of a run: a live bar with counts and the time left on a terminal (Spectre.Console),
/// plain lines every few seconds in CI logs and other redirected output.
/// </summary>
public static class Progress
{
    /// <summary>Runs the body with an observer that reports progress over <paramref name="total"/> results.</summary>
    public static T Run<T>(int total, Func<IRunObserver, T> body)
    {
        var interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
        if (!interactive) return body(new Lines(total, Console.Error));

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask($"0/{total}", maxValue: Math.Max(1, total));
                result = body(new Bar(task, total));
            });
        return result;
    }

    private sealed class Counts
    {
        private readonly Dictionary<Status, int> _counts = Enum.GetValues<Status>().ToDictionary(s => s, _ => 0);

        private int _known;

        public int Done { get; private set; }

        /// <summary>A result the baseline expects counts as known, not as its status, as in every report.</summary>
        public void Add(CaseResult result)
        {
            Done++;
            if (result.IsKnown) _known++;
            else _counts[result.Status]++;
        }

        public override string ToString() =>
            $"pass {_counts[Status.Pass]}, fail {_counts[Status.Fail]}, known {_known}, error {_counts[Status.Error]}, " +
            $"n/a {_counts[Status.NotApplicable]}" +
            (_counts[Status.Unstable] > 0 ? $", unstable {_counts[Status.Unstable]}" : "");
    }

    /// <summary>The runner calls observers under its lock, so no locking here.</summary>
    private sealed class Bar(ProgressTask task, int total) : IRunObserver
    {
        private readonly Counts _counts = new();

        public void OnCase(IReadOnlyList<CaseResult> results)
        {
            foreach (var result in results) _counts.Add(result);
            task.Increment(results.Count);
            task.Description = Markup.Escape($"{_counts.Done}/{total} ({_counts})");
        }
    }

    private sealed class Lines(int total, TextWriter output) : IRunObserver
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly Counts _counts = new();
        private TimeSpan _last = TimeSpan.Zero;

        public void OnCase(IReadOnlyList<CaseResult> results)
        {
            foreach (var result in results) _counts.Add(result);
            var now = _watch.Elapsed;
            if (now - _last < Interval && _counts.Done < total) return;
            _last = now;
            var left = TimeSpan.FromSeconds(now.TotalSeconds / _counts.Done * Math.Max(0, total - _counts.Done));
            output.WriteLine($"[{_counts.Done}/{total}] {_counts}; elapsed {now:hh\\:mm\\:ss}, left ~{left:hh\\:mm\\:ss}");
        }
    }
}
