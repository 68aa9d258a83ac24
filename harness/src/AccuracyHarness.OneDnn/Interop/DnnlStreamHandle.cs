namespace AccuracyHarness.OneDnn.Interop;

public sealed class DnnlStreamHandle : DnnlHandle
{
    protected override bool ReleaseHandle() => DnnlNative.dnnl_stream_destroy(handle) == DnnlStatus.Success;
}
