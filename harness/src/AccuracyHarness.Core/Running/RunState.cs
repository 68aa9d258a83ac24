using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// What a run has already done when it begins: nothing for a fresh run (<see cref="RunPipeline.Start"/>), the
/// results of the run being resumed otherwise (<see cref="RunPipeline.Resume"/>). The pipeline's runtime
/// state, kept apart from <see cref="RunOptions"/>, which say how to run.
/// </summary>
public sealed class RunState
{
    public RunState(IReadOnlyList<CaseResult> done)
    {
        Done = done;
        Keys = done.Select(r => r.Key).ToHashSet();
    }

    public static RunState Fresh { get; } = new([]);

    /// <summary>The results already done, which the run returns first and does not run again.</summary>
    public IReadOnlyList<CaseResult> Done { get; }

    /// <summary>Their keys (<see cref="CaseResult.Key"/>), which a case runner skips.</summary>
    public IReadOnlySet<ResultKey> Keys { get; }
}
