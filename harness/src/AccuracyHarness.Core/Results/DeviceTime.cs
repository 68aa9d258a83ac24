namespace AccuracyHarness.Core.Results;

/// <summary>The device time of one launch of a backend's pipeline stage.</summary>
public sealed record DeviceTime(string Stage, double Milliseconds);
