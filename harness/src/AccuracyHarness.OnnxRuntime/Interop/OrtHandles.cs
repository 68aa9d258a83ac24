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

internal sealed unsafe class OrtEnvHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseEnv;
}

internal sealed unsafe class OrtSessionOptionsHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseSessionOptions;
}

internal sealed unsafe class OrtSessionHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseSession;
}

internal sealed unsafe class OrtMemoryInfoHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseMemoryInfo;
}

internal sealed unsafe class OrtValueHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseValue;
}

internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseTensorTypeAndShapeInfo;
}

internal static unsafe class OrtHandles
{
    /// <summary>Calls a native creator and wraps what it returns, so that no created object can leak.</summary>
    public static T Create<T>(Func<nint, nint> create) where T : OrtHandle, new()
    {
        var handle = new T();
        nint raw = 0;
        var status = create((nint)(&raw));
        if (raw != 0) Marshal.InitHandle(handle, raw);
        OrtApi.Check(status);
        return handle;
    }
}
