namespace AccuracyHarness.OneDnn.Interop;

public sealed class DnnlEngineHandle : DnnlHandle
{
    protected override bool ReleaseHandle() => DnnlNative.dnnl_engine_destroy(handle) == DnnlStatus.Success;
}
