using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The family's native cache: one CPU engine for the process, created at first use and shared by
/// every oneDNN backend and thread (engines are thread-safe; each case gets its own stream).
/// oneDNN caches primitives itself (its primitive cache), so descriptors are not kept here.
/// </summary>
internal static class OneDnnEngine
{
    private static readonly Lazy<DnnlEngineHandle> Cpu = new(Dnnl.CpuEngineHandle, LazyThreadSafetyMode.ExecutionAndPublication);
    public static DnnlEngineHandle Handle => Cpu.Value;
}
