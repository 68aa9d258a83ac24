using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Rewrite;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The OpenCL backends' typed options, read from <see cref="BackendSettings"/>: the rewrite's
/// (<see cref="RewriteOptions"/>, shared with oneDNN) and <c>jit-constants</c>.
/// </summary>
public sealed record OpenClOptions(IReplacementRule Rule, bool ZeroInsertion, bool JitConstants)
{
    public static readonly BackendOption JitConstantsOption = new("jit-constants",
        "Bake the problem sizes into OpenCL programs as constants (one build per shape) instead of reading the params buffer.");

    public static IReadOnlyList<BackendOption> All { get; } = [RewriteOptions.Rule, RewriteOptions.ZeroInsertion, JitConstantsOption];

    public static OpenClOptions Default => new(ReplacementRules.Corrected, false, false);

    public static OpenClOptions From(BackendSettings settings) => new(
        RewriteOptions.RuleFrom(settings),
        settings.Flag(RewriteOptions.ZeroInsertion),
        settings.Flag(JitConstantsOption));

    /// <summary>The command-line flags that give these options (empty for the defaults).</summary>
    public string ReproArguments => BackendOption.Join(
        [RewriteOptions.RuleRepro(Rule), RewriteOptions.ZeroInsertion.Repro(ZeroInsertion), JitConstantsOption.Repro(JitConstants)]);
}
