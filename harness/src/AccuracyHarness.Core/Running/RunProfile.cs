using System.Collections.Concurrent;
using System.Diagnostics;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Where a run's time goes, by stage (inputs, reference, each backend, comparison, diagnosis,
/// reporting), summed over threads. Thread-safe.
/// </summary>
public sealed class RunProfile
{
    private readonly ConcurrentDictionary<ProfileStage, long> _ticks = new();

    public T Time<T>(ProfileStage stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, Stopwatch.GetElapsedTime(start));
        }
    }

    public void Add(ProfileStage stage, TimeSpan elapsed) => _ticks.AddOrUpdate(stage, elapsed.Ticks, (_, t) => t + elapsed.Ticks);

    /// <summary>Seconds per stage, largest first.</summary>
    public IReadOnlyList<(ProfileStage Stage, double Seconds)> Totals() =>
        _ticks.Select(kv => (kv.Key, TimeSpan.FromTicks(kv.Value).TotalSeconds)).OrderByDescending(t => t.Item2).ToList();
}
