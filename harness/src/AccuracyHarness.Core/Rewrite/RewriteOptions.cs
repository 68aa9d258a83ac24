using AccuracyHarness.Core.Backends;

namespace AccuracyHarness.Core.Rewrite;

/// <summary>
/// The options of the rewrite (docs/ARCHITECTURE.md section 4), read by every family that runs it
/// (<c>opencl-replaced</c>, <c>onednn-replaced</c>): each family lists these same objects among its
/// options, so one flag configures the rewrite wherever it runs and the command line declares it once.
/// </summary>
public static class RewriteOptions
{
    public static readonly BackendOption Rule = new("rule",
        "Replacement rule of the replaced backends (opencl-replaced, onednn-replaced): corrected (exact for stride 1; default) " +
        "or openvino-2024 (the real pass, blind spots included).",
        "corrected|openvino-2024");

    public static readonly BackendOption ZeroInsertion = new("zero-insertion",
        "Let the replaced backends cover stride > 1 by inserting s-1 zeros between input elements (the fractionally strided form).");

    /// <summary>The rule named by <see cref="Rule"/> (default <see cref="ReplacementRules.Corrected"/>).</summary>
    public static IReplacementRule RuleFrom(BackendSettings settings) =>
        settings.Choice(Rule, ReplacementRules.All, r => r.Name, ReplacementRules.Corrected);

    /// <summary>The flag that gives <paramref name="rule"/> (empty for the default).</summary>
    public static string RuleRepro(IReplacementRule rule) => Rule.Repro(rule.Name, ReplacementRules.Corrected.Name);
}
