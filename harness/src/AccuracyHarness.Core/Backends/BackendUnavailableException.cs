namespace AccuracyHarness.Core.Backends;

/// <summary>A backend that was asked for but cannot run on this machine (a native library is missing).</summary>
public sealed class BackendUnavailableException(string backend, string reason)
    : Exception($"backend {backend} is unavailable: {reason}");
