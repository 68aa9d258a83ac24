namespace AccuracyHarness.OpenCL.Interop;

public sealed class ClMemHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseMemObject(handle) == 0;
}
