namespace AccuracyHarness.OpenCL.Interop;

public sealed class ClProgramHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseProgram(handle) == 0;
}
