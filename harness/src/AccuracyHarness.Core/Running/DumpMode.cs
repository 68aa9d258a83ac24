namespace AccuracyHarness.Core.Running;

/// <summary>Which .npy tensors a run writes: none, those of cases that did not pass, or all.</summary>
public enum DumpMode { None, Failing, All }
