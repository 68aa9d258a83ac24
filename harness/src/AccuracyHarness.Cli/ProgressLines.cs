using System.Diagnostics;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli;

/// <summary>Plain progress lines with counts and an estimate of the time left, at most every few seconds (the runner calls it under its lock).</summary>
public sealed class ProgressLines(int total, TextWriter output) : IRunObserver
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Dictionary<Status, int> _counts = Enum.GetValues<Status>().ToDictionary(s => s, _ => 0);
    private TimeSpan _last = TimeSpan.Zero;
    private int _done;

    public void OnResult(CaseResult result)
    {
        _done++;
        _counts[result.Status]++;
        var now = _watch.Elapsed;
        if (now - _last < Interval && _done < total) return;
        _last = now;
        var left = _done == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(now.TotalSeconds / _done * (total - _done));
        output.WriteLine(
            $"[{_done}/{total}] pass {_counts[Status.Pass]}, fail {_counts[Status.Fail]}, error {_counts[Status.Error]}, n/a {_counts[Status.NotApplicable]}; " +
            $"elapsed {now:hh\\:mm\\:ss}, left ~{left:hh\\:mm\\:ss}");
    }
}
