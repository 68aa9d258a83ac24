using System.Collections.Concurrent;
using System.Diagnostics;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Where a run's time goes, by stage (inputs, reference, each backend, comparison, diagnosis,
/// reporting), summed over threads. Thread-safe.
/// </summary>
public sealed class RunProfile
{
    public const string Inputs = "inputs";
    public const string Reference = "reference";
    public const string Comparison = "comparison";
    public const string Diagnosis = "diagnosis";
    public const string Reporting = "reporting";

    private readonly ConcurrentDictionary<string, long> _ticks = new();

    public static string Backend(string name, string device) => $"backend {name}@{device}";

    public T Time<T>(string stage, Func<T> work)
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

    public void Add(string stage, TimeSpan elapsed) => _ticks.AddOrUpdate(stage, elapsed.Ticks, (_, t) => t + elapsed.Ticks);

    /// <summary>Seconds per stage, largest first.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> Totals() =>
        _ticks.Select(kv => (kv.Key, TimeSpan.FromTicks(kv.Value).TotalSeconds)).OrderByDescending(t => t.Item2).ToList();
}
