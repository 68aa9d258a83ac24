using AccuracyHarness.Core.Backends;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The oneDNN family, the one place the command line calls: <see cref="Register"/> adds
/// <c>onednn</c> and <c>onednn-replaced</c> to the catalogue (unavailable, exit 3, when libdnnl
/// cannot be loaded), <see cref="Describe"/> says which library runs them for <c>devices</c> and
/// run.json. Both run on oneDNN's CPU engine only (its GPU engine needs an Intel GPU); the
/// family's native cache is that engine (<see cref="OneDnnEngine"/>).
/// </summary>
public sealed class OneDnnFamily
{
    /// <summary>oneDNN's own variable capping the instruction set its JIT uses (read by the library itself).</summary>
    public const string MaxIsaVariable = "ONEDNN_MAX_CPU_ISA";

    public string Name => "onednn";

    public bool IsAvailable(out string reason) => Dnnl.IsAvailable(out reason);

    /// <summary>Version, effective ISA with the cap asked for, and library path; called only when available.</summary>
    public string Describe()
    {
        var cap = Environment.GetEnvironmentVariable(MaxIsaVariable);
        var asked = string.IsNullOrEmpty(cap) ? $"{MaxIsaVariable} unset" : $"{MaxIsaVariable}={cap}";
        return $"{Dnnl.Version()}, ISA {Dnnl.EffectiveIsa()} ({asked}), {Dnnl.LibraryPath}";
    }

    public void Register(BackendCatalogue catalogue)
    {
        catalogue.Add(OneDnnDeconvolutionBackend.Id,
            "oneDNN's CPU deconvolution forward, weights reordered by oneDNN (options onednn-algorithm, onednn-f16-as-f32)",
            settings => Create(OneDnnDeconvolutionBackend.Id, settings, options => new OneDnnDeconvolutionBackend(options)));
        catalogue.Add(OneDnnReplacedBackend.Id,
            "deconvolution rewritten as the project's weights reorder + oneDNN's CPU convolution (options rule, zero-insertion)",
            settings => Create(OneDnnReplacedBackend.Id, settings, options => new OneDnnReplacedBackend(options)));
    }

    private IReadOnlyList<IBackend> Create(string name, BackendSettings settings, Func<OneDnnOptions, IBackend> create)
    {
        var options = OneDnnOptions.From(settings);
        if (!IsAvailable(out var reason)) throw new BackendUnavailableException(name, reason);
        return [create(options)];
    }
}
