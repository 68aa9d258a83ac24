namespace AccuracyHarness.OneDnn.Interop;

/// <summary>A dnnl_post_ops_t; an attribute copies it when it is set, so it is released right after.</summary>
public sealed class DnnlPostOpsHandle : DnnlHandle
{
    protected override bool ReleaseHandle() => DnnlNative.dnnl_post_ops_destroy(handle) == DnnlStatus.Success;
}
