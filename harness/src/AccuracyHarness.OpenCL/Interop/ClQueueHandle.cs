namespace AccuracyHarness.OpenCL.Interop;

public sealed class ClQueueHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseCommandQueue(handle) == 0;
}
