using System.Runtime.InteropServices;

namespace AccuracyHarness.OnnxRuntime.Interop;

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
