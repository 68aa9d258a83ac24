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

    /// <summary>The runner calls observers under its lock, so no locking here.</summary>
    private sealed class Bar(ProgressTask task, int total) : IRunObserver
    {
        private StatusCounts _counts = StatusCounts.Empty;

        public void OnCase(IReadOnlyList<CaseResult> results)
        {
            _counts = _counts.Add(results);
            task.Increment(results.Count);
            task.Description = Markup.Escape($"{_counts.Total}/{total} ({_counts})");
        }
    }

    private sealed class Lines(int total, TextWriter output) : IRunObserver
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private StatusCounts _counts = StatusCounts.Empty;
        private TimeSpan _last = TimeSpan.Zero;

        public void OnCase(IReadOnlyList<CaseResult> results)
        {
            _counts = _counts.Add(results);
            var done = _counts.Total;
            var now = _watch.Elapsed;
            if (now - _last < Interval && done < total) return;
            _last = now;
            var left = TimeSpan.FromSeconds(now.TotalSeconds / done * Math.Max(0, total - done));
            output.WriteLine($"[{done}/{total}] {_counts}; elapsed {now:hh\\:mm\\:ss}, left ~{left:hh\\:mm\\:ss}");
        }
    }
}
