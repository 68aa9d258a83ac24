using AccuracyHarness.Core.Backends;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The one place the command line calls for the oneDNN family: <see cref="Register"/> adds
/// <c>onednn</c> and <c>onednn-replaced</c> to the catalogue (unavailable, exit 3, when libdnnl
/// cannot be loaded), and <see cref="Environment"/> describes the library for <c>devices</c> and
/// run.json. Both run on oneDNN's CPU engine only (its GPU engine needs an Intel GPU).
/// </summary>
public static class OneDnnBackends
{
    /// <summary>oneDNN's own variable capping the instruction set its JIT uses (read by the library at load).</summary>
    public const string MaxIsaVariable = "ONEDNN_MAX_CPU_ISA";

    public static void Register(BackendCatalogue catalogue)
    {
        catalogue.Add(OneDnnDeconvolutionBackend.Id,
            "oneDNN's CPU deconvolution forward, weights reordered by oneDNN (options onednn-algorithm, onednn-f16-as-f32)",
            settings => Create(OneDnnDeconvolutionBackend.Id, settings, options => new OneDnnDeconvolutionBackend(options)));
        catalogue.Add(OneDnnReplacedBackend.Id,
            "deconvolution rewritten as the project's weights reorder + oneDNN's CPU convolution (options rule, zero-insertion)",
            settings => Create(OneDnnReplacedBackend.Id, settings, options => new OneDnnReplacedBackend(options)));
    }

    /// <summary>Version, effective ISA (and the cap asked for) and library path, as name/value pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment()
    {
        var cap = System.Environment.GetEnvironmentVariable(MaxIsaVariable);
        return
        [
            new("onednn", Dnnl.IsAvailable(out var reason)
                ? $"{Dnnl.Version()}, ISA {Dnnl.EffectiveIsa()}, {Dnnl.LibraryPath}"
                : $"unavailable: {reason}"),
            new(MaxIsaVariable, string.IsNullOrEmpty(cap) ? "(unset)" : cap),
        ];
    }

    private static IReadOnlyList<IBackend> Create(string name, BackendSettings settings, Func<OneDnnOptions, IBackend> create)
    {
        var options = OneDnnOptions.From(settings);
        if (!Dnnl.IsAvailable(out var reason)) throw new BackendUnavailableException(name, reason);
        return [create(options)];
    }
}
