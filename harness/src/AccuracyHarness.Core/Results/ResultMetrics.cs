namespace AccuracyHarness.Core.Results;

/// <summary>
/// What was measured of a backend's output: how far it is from the reference (docs/ARCHITECTURE.md section 7),
/// the worst element, and how long it took. The errors are zero for results that produced no output.
/// </summary>
public sealed record ResultMetrics
{
    public static ResultMetrics None { get; } = new();

    public double MaxAbsErr { get; init; }
    public double MaxRelErr { get; init; }
    public long MaxUlp { get; init; }
    public double BoundRatio { get; init; }
    public long Mismatches { get; init; }
    public long Elements { get; init; }

    /// <summary>Logical coordinates of the worst element, "n,c,spatial...", or empty.</summary>
    public string Worst { get; init; } = "";

    /// <summary>Wall time of the backend's run.</summary>
    public double Seconds { get; init; }

    /// <summary>Device time of each launch of the backend's stages.</summary>
    public IReadOnlyList<DeviceTime> DeviceTimes { get; init; } = [];
}
