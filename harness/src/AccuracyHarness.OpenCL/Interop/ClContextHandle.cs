namespace AccuracyHarness.OpenCL.Interop;

public sealed class ClContextHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseContext(handle) == 0;
}
