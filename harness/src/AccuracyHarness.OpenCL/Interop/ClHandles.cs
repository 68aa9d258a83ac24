using Microsoft.Win32.SafeHandles;

namespace AccuracyHarness.OpenCL.Interop;

/// <summary>An OpenCL object whose reference the handle owns and releases exactly once.</summary>
public abstract class ClHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    protected ClHandle()
        : base(ownsHandle: true)
    {
    }
}

public sealed class ClContextHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseContext(handle) == 0;
}

public sealed class ClQueueHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseCommandQueue(handle) == 0;
}

public sealed class ClMemHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseMemObject(handle) == 0;
}

public sealed class ClProgramHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseProgram(handle) == 0;
}

public sealed class ClKernelHandle : ClHandle
{
    protected override bool ReleaseHandle() => ClNative.clReleaseKernel(handle) == 0;
}

public sealed class ClEventHandle : ClHandle
{
    internal ClEventHandle(nint raw) => SetHandle(raw);

    protected override bool ReleaseHandle() => ClNative.clReleaseEvent(handle) == 0;
}
