using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Rewrite;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The oneDNN backends' typed options, read from <see cref="BackendSettings"/>:
/// <c>onednn-algorithm</c> (direct | winograd), <c>onednn-f16-as-f32</c>, <c>onednn-slow-ref</c>, and for
/// <c>onednn-replaced</c> the rewrite's options (<see cref="RewriteOptions"/>), shared with
/// <c>opencl-replaced</c> so one flag configures the rewrite wherever it runs.
/// </summary>
public sealed record OneDnnOptions(bool Winograd, bool F16AsF32, IReplacementRule Rule, bool ZeroInsertion, bool SlowReference = false)
{
    private const string Direct = "direct";
    private const string WinogradName = "winograd";

    public static readonly BackendOption AlgorithmOption = new("onednn-algorithm",
        "Algorithm of the oneDNN backends: direct (default) or winograd (n/a with oneDNN's answer where it has none).",
        "direct|winograd");

    public static readonly BackendOption F16AsF32Option = new("onednn-f16-as-f32",
        "Run f16 cases on the oneDNN backends in f32 between oneDNN reorders (oneDNN 2.6 has no f16 CPU convolution; otherwise n/a).");

    public static readonly BackendOption SlowReferenceOption = new("onednn-slow-ref",
        "Run cases above 1e9 multiply-adds on the oneDNN backends even where oneDNN offers only its reference implementation "
        + "(ref:any, about 0.02 GMAC/s: minutes a case; otherwise n/a).");

    public static IReadOnlyList<BackendOption> All { get; } =
        [AlgorithmOption, F16AsF32Option, SlowReferenceOption, RewriteOptions.Rule, RewriteOptions.ZeroInsertion];

    public static OneDnnOptions Default => new(false, false, ReplacementRules.Corrected, false);

    public static OneDnnOptions From(BackendSettings settings) => new(
        settings.Choice(AlgorithmOption, [Direct, WinogradName], a => a, Direct) == WinogradName,
        settings.Flag(F16AsF32Option),
        RewriteOptions.RuleFrom(settings),
        settings.Flag(RewriteOptions.ZeroInsertion),
        settings.Flag(SlowReferenceOption));

    public string Algorithm => Winograd ? WinogradName : Direct;

    /// <summary>The flags that give the options <c>onednn</c> reads (empty for the defaults).</summary>
    public string DeconvolutionRepro => BackendOption.Join(
        [AlgorithmOption.Repro(Algorithm, Direct), F16AsF32Option.Repro(F16AsF32), SlowReferenceOption.Repro(SlowReference)]);

    /// <summary>The flags that give the options <c>onednn-replaced</c> reads (empty for the defaults).</summary>
    public string ReplacedRepro => BackendOption.Join(
        [DeconvolutionRepro, RewriteOptions.RuleRepro(Rule), RewriteOptions.ZeroInsertion.Repro(ZeroInsertion)]);
}
