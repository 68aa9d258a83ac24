namespace AccuracyHarness.OneDnn.Interop;

public sealed class DnnlPrimitiveHandle : DnnlHandle
{
    protected override bool ReleaseHandle() => DnnlNative.dnnl_primitive_destroy(handle) == DnnlStatus.Success;
}
