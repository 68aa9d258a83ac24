using AccuracyHarness.Core.Backends;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The oneDNN family: <c>onednn</c> and <c>onednn-replaced</c> (device "cpu"), both reading
/// <see cref="OneDnnOptions"/>. Both run on oneDNN's CPU engine only (its GPU engine needs an
/// Intel GPU). Its native cache is <see cref="Engine"/>, one CPU engine for the whole process,
/// shared by both backends and every thread (engines are thread-safe; each case gets its own
/// stream); oneDNN caches primitives itself (its primitive cache), so descriptors are not kept.
/// </summary>
public sealed class OneDnnFamily : IBackendFamily
{
    /// <summary>oneDNN's own variable capping the instruction set its JIT uses (read by the library itself).</summary>
    public const string MaxIsaVariable = "ONEDNN_MAX_CPU_ISA";

    public const string Id = "onednn";

    private static readonly Lazy<DnnlEngineHandle> CpuEngine = new(Dnnl.CpuEngineHandle, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The CPU engine, created at first use (after the catalogue checked that the library loads).</summary>
    internal static DnnlEngineHandle Engine => CpuEngine.Value;

    public string Name => Id;

    public IReadOnlyList<BackendOption> Options => OneDnnOptions.All;

    public bool IsAvailable(out string reason) => Dnnl.IsAvailable(out reason);

    /// <summary>Version, effective ISA with the cap asked for, and library path.</summary>
    public string Describe()
    {
        var cap = Environment.GetEnvironmentVariable(MaxIsaVariable);
        var asked = string.IsNullOrEmpty(cap) ? $"{MaxIsaVariable} unset" : $"{MaxIsaVariable}={cap}";
        return $"{Dnnl.Version()}, ISA {Dnnl.EffectiveIsa()} ({asked}), {Dnnl.LibraryPath}";
    }

    public void Register(BackendCatalogue catalogue) => catalogue
        .Add(this, OneDnnDeconvolutionBackend.Id,
            "oneDNN's CPU deconvolution forward, weights reordered by oneDNN (options onednn-algorithm, onednn-f16-as-f32)",
            s => [new OneDnnDeconvolutionBackend(OneDnnOptions.From(s))])
        .Add(this, OneDnnReplacedBackend.Id,
            "deconvolution rewritten as the project's weights reorder + oneDNN's CPU convolution (options rule, zero-insertion)",
            s => [new OneDnnReplacedBackend(OneDnnOptions.From(s))]);
}
