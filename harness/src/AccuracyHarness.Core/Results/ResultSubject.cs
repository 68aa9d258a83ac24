using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Core.Results;

/// <summary>
/// What a result is about, all known before the backend runs: the case, the backend and device that run it, where
/// the case came from (suite file and line, or the command line) and the backend's own configuration for the
/// repro line (<see cref="IBackend.ReproArguments"/>).
/// </summary>
public sealed record ResultSubject(DeconvCase Case, string Backend, string Device, string Source = "", string ReproArguments = "")
{
    public static ResultSubject Of(SuiteCase suiteCase, IBackend backend) =>
        new(suiteCase.Case, backend.Name, backend.Device, suiteCase.Source, backend.ReproArguments);

    /// <summary>The key a resumed run matches on.</summary>
    public ResultKey Key => new(Case.Id, Backend, Device);
}
