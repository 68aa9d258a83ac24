namespace AccuracyHarness.OneDnn.Interop;

/// <summary>A dnnl_primitive_attr_t: output scales, zero points and post-ops of one primitive.</summary>
public sealed class DnnlAttrHandle : DnnlHandle
{
    protected override bool ReleaseHandle() => DnnlNative.dnnl_primitive_attr_destroy(handle) == DnnlStatus.Success;
}
