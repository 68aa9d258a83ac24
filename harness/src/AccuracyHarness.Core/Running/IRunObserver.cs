using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Receives each case's results together as soon as the case is done (writers, progress).
/// Called from any thread, one case at a time.
/// </summary>
public interface IRunObserver
{
    void OnCase(IReadOnlyList<CaseResult> results);
}
