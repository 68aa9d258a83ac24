namespace AccuracyHarness.OpenCL.Interop;

public sealed class ClEventHandle : ClHandle
{
    internal ClEventHandle(nint raw) => SetHandle(raw);

    protected override bool ReleaseHandle() => ClNative.clReleaseEvent(handle) == 0;
}
