namespace AccuracyHarness.Core.Results;

/// <summary>The outcome of one case on one backend and device (the contract's status column).</summary>
public enum Status { Pass, Fail, Error, NotApplicable }
