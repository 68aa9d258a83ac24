using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The family's native cache: one CPU engine for the process, created at first use and shared by
/// every oneDNN backend and thread (engines are thread-safe; each case gets its own stream).
/// oneDNN caches primitives itself (its primitive cache), so descriptors are not kept here; the
/// counter says how many the backends asked for.
/// </summary>
internal static class OneDnnEngine
{
    private static readonly Lazy<DnnlEngineHandle> Cpu = new(Dnnl.CpuEngineHandle, LazyThreadSafetyMode.ExecutionAndPublication);
    private static long _primitiveDescs;

    public static DnnlEngineHandle Handle => Cpu.Value;

    public static long PrimitiveDescsCreated => Interlocked.Read(ref _primitiveDescs);

    public static void CountPrimitiveDesc() => Interlocked.Increment(ref _primitiveDescs);
}
