using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Running;

/// <summary>Runs one case on every backend of a run and returns its results (in process, or in a worker process).</summary>
public delegate IReadOnlyList<CaseResult> CaseRunner(SuiteCase suiteCase, IReadOnlySet<ResultKey> done, CancellationToken cancellation);
