namespace AccuracyHarness.Core.Backends;

/// <summary>Creates the instances of one backend, one per device it runs on.</summary>
public delegate IReadOnlyList<IBackend> BackendFactory(BackendSettings settings);
