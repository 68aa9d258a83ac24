namespace AccuracyHarness.OneDnn.Interop;

public sealed class DnnlMemoryHandle : DnnlHandle
{
    protected override bool ReleaseHandle() => DnnlNative.dnnl_memory_destroy(handle) == DnnlStatus.Success;
}
