using AccuracyHarness.Core.Backends;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>The OpenCL backends' typed options, read from <see cref="BackendSettings"/>.</summary>
public sealed record OpenClOptions(IReplacementRule Rule, bool ZeroInsertion, bool JitConstants)
{
    public static readonly BackendOption RuleOption = new("rule",
        "Replacement rule of opencl-replaced: corrected (exact for stride 1; default) or openvino-2024 " +
        "(the real pass, blind spots included).",
        "corrected|openvino-2024");

    public static readonly BackendOption ZeroInsertionOption = new("zero-insertion",
        "Let opencl-replaced cover stride > 1 by inserting s-1 zeros between input elements (the fractionally strided form).");

    public static readonly BackendOption JitConstantsOption = new("jit-constants",
        "Bake the problem sizes into OpenCL programs as constants (one build per shape) instead of reading the params buffer.");

    public static IReadOnlyList<BackendOption> All { get; } = [RuleOption, ZeroInsertionOption, JitConstantsOption];

    public static OpenClOptions Default => new(ReplacementRules.Corrected, false, false);

    public static OpenClOptions From(BackendSettings settings) => new(
        settings.Choice(RuleOption, ReplacementRules.All, r => r.Name, ReplacementRules.Corrected),
        settings.Flag(ZeroInsertionOption),
        settings.Flag(JitConstantsOption));

    /// <summary>The command-line flags that give these options (empty for the defaults).</summary>
    public string ReproArguments => BackendOption.Join(
        [RuleOption.Repro(Rule.Name, ReplacementRules.Corrected.Name), ZeroInsertionOption.Repro(ZeroInsertion),
            JitConstantsOption.Repro(JitConstants)]);
}
