namespace AccuracyHarness.OpenCL.Interop;

public sealed class ClKernelHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseKernel(handle) == 0;
}
