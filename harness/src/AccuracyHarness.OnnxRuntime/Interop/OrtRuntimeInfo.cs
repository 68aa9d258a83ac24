using System.Runtime.InteropServices;

namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>What ONNX Runtime says about itself, for `scripts/harness devices` and reports.</summary>
public static unsafe class OrtRuntimeInfo
{
    public static string Version => OrtApi.Version;

    /// <summary>ONNX Runtime's build description (git commit, build flags).</summary>
    public static string BuildInfo => Marshal.PtrToStringUTF8((nint)OrtApi.GetBuildInfoString()) ?? "";

    public static string LibraryPath => OrtLibrary.PathLoaded;

    /// <summary>Loads the library if needed; false with the reason when it cannot be used.</summary>
    public static bool IsAvailable(out string reason)
    {
        try
        {
            _ = Version;
            reason = "";
            return true;
        }
        catch (Exception e) when (e is OnnxRuntimeUnavailableException or DllNotFoundException or EntryPointNotFoundException
                                   or BadImageFormatException)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <summary>One line for listings: version, library path and build info.</summary>
    public static string Describe() => $"ONNX Runtime {Version} ({LibraryPath}); {BuildInfo}";
}
