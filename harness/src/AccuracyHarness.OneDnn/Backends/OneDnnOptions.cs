using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Rewrite;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The oneDNN backends' options, read from <see cref="BackendSettings.Options"/>:
/// <c>onednn-algorithm</c> (direct | winograd), <c>onednn-f16-as-f32</c>, and for
/// <c>onednn-replaced</c> the rewrite's <c>rule</c> and <c>zero-insertion</c>, shared with
/// <c>opencl-replaced</c> so one flag configures the rewrite wherever it runs.
/// </summary>
public sealed record OneDnnOptions(bool Winograd, bool F16AsF32, IReplacementRule Rule, bool ZeroInsertion)
{
    public const string AlgorithmOption = "onednn-algorithm";
    public const string F16AsF32Option = "onednn-f16-as-f32";
    public const string RuleOption = "rule";
    public const string ZeroInsertionOption = "zero-insertion";

    public static OneDnnOptions Default => new(false, false, ReplacementRules.Corrected, false);

    public static OneDnnOptions From(BackendSettings settings)
    {
        var options = settings.Options;
        var winograd = options.TryGetValue(AlgorithmOption, out var algorithm) && algorithm.Trim().ToLowerInvariant() switch
        {
            "direct" => false,
            "winograd" => true,
            _ => throw new ArgumentException($"option '{AlgorithmOption}' = '{algorithm}': must be direct or winograd"),
        };
        var rule = options.TryGetValue(RuleOption, out var name) ? ReplacementRules.Find(name) : ReplacementRules.Corrected;
        return new OneDnnOptions(winograd, settings.Flag(F16AsF32Option), rule, settings.Flag(ZeroInsertionOption));
    }

    public string Algorithm => Winograd ? "winograd" : "direct";

    /// <summary>The flags that give the options <c>onednn</c> reads (empty for the defaults).</summary>
    public string DeconvolutionRepro => Join(Winograd ? $"--{AlgorithmOption} winograd" : "", F16AsF32 ? $"--{F16AsF32Option}" : "");

    /// <summary>The flags that give the options <c>onednn-replaced</c> reads (empty for the defaults).</summary>
    public string ReplacedRepro => Join(
        DeconvolutionRepro,
        Rule == ReplacementRules.Corrected ? "" : $"--rule {Rule.Name}",
        ZeroInsertion ? "--zero-insertion" : "");

    private static string Join(params string[] parts) => string.Join(" ", parts.Where(p => p.Length > 0));
}
