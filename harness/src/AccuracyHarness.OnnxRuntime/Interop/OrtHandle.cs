using System.Runtime.InteropServices;

namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>An owned ONNX Runtime object, released through its OrtApi Release function exactly once.</summary>
internal abstract unsafe class OrtHandle : SafeHandle
{
    protected OrtHandle() : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected abstract delegate* unmanaged<nint, void> Release { get; }

    protected override bool ReleaseHandle()
    {
        Release(handle);
        return true;
    }
}
