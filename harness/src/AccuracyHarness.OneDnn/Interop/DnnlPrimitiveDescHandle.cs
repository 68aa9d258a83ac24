namespace AccuracyHarness.OneDnn.Interop;

public sealed class DnnlPrimitiveDescHandle : DnnlHandle
{
    protected override bool ReleaseHandle() => DnnlNative.dnnl_primitive_desc_destroy(handle) == DnnlStatus.Success;
}
