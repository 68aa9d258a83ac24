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
