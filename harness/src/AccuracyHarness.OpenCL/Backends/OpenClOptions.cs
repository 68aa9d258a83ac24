using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Rewrite;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The OpenCL backends' options, read from <see cref="BackendSettings.Options"/>:
/// <c>rule</c> (corrected | openvino-2024), <c>zero-insertion</c> and <c>jit-constants</c>
/// (true | false). Options of other backends in the same dictionary are ignored.
/// </summary>
public sealed record OpenClOptions(IReplacementRule Rule, bool ZeroInsertion, bool JitConstants)
{
    public const string RuleOption = "rule";
    public const string ZeroInsertionOption = "zero-insertion";
    public const string JitConstantsOption = "jit-constants";

    public static OpenClOptions Default => new(ReplacementRules.Corrected, false, false);

    public static OpenClOptions From(BackendSettings settings)
    {
        var options = settings.Options;
        var rule = options.TryGetValue(RuleOption, out var name) ? ReplacementRules.Find(name) : ReplacementRules.Corrected;
        return new OpenClOptions(rule, settings.Flag(ZeroInsertionOption), settings.Flag(JitConstantsOption));
    }

    /// <summary>The command-line flags that give these options (empty for the defaults).</summary>
    public string ReproArguments => string.Join(" ", new[]
    {
        Rule == ReplacementRules.Corrected ? "" : $"--rule {Rule.Name}",
        ZeroInsertion ? "--zero-insertion" : "",
        JitConstants ? "--jit-constants" : "",
    }.Where(a => a.Length > 0));
}
