using Microsoft.Win32.SafeHandles;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>A oneDNN object the handle owns and destroys exactly once.</summary>
public abstract class DnnlHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    protected DnnlHandle()
        : base(ownsHandle: true)
    {
    }
}
