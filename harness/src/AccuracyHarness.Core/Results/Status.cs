namespace AccuracyHarness.Core.Results;

/// <summary>
/// The outcome of one case on one backend and device (the contract's status column). <see cref="Unstable"/>:
/// with <c>--repeat</c>, runs of the same case ended with different statuses or diagnoses.
/// </summary>
public enum Status { Pass, Fail, Error, NotApplicable, Unstable }
