using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Dialects.OpenVino;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The OpenCL backends' typed options, read from <see cref="BackendSettings"/>: the rewrite's
/// (<see cref="RewriteOptions"/>, shared with oneDNN), <c>jit-constants</c> and <c>openvino-pads</c>.
/// </summary>
public sealed record OpenClOptions(IReplacementRule Rule, bool ZeroInsertion, bool JitConstants, OpenVinoPads Pads)
{
    public static readonly BackendOption JitConstantsOption = new("jit-constants",
        "Bake the problem sizes into OpenCL programs as constants (one build per shape) instead of reading the params buffer.");

    public static readonly BackendOption OpenVinoPadsOption = new("openvino-pads",
        "How a negative begin pad of the rewritten convolution reaches a conv stage in the openvino dialect: "
        + string.Join("; ", OpenVinoPads.All.Select(p => $"{p.Name}: {p.Description}")) + " (default unsigned).",
        string.Join("|", OpenVinoPads.All.Select(p => p.Name)));

    public static IReadOnlyList<BackendOption> All { get; } =
        [RewriteOptions.Rule, RewriteOptions.ZeroInsertion, JitConstantsOption, OpenVinoPadsOption];

    public static OpenClOptions Default => new(ReplacementRules.Corrected, false, false, OpenVinoPads.Unsigned);

    public static OpenClOptions From(BackendSettings settings) => new(
        RewriteOptions.RuleFrom(settings),
        settings.Flag(RewriteOptions.ZeroInsertion),
        settings.Flag(JitConstantsOption),
        settings.Choice(OpenVinoPadsOption, OpenVinoPads.All, p => p.Name, OpenVinoPads.Unsigned));

    /// <summary>The command-line flags that give these options (empty for the defaults).</summary>
    public string ReproArguments => BackendOption.Join(
    [
        RewriteOptions.RuleRepro(Rule), RewriteOptions.ZeroInsertion.Repro(ZeroInsertion), JitConstantsOption.Repro(JitConstants),
        OpenVinoPadsOption.Repro(Pads.Name, OpenVinoPads.Unsigned.Name),
    ]);
}
