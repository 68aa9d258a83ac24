using System.Runtime.InteropServices;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>dnnl_version_t: { int major, minor, patch; const char* hash; unsigned cpu_runtime, gpu_runtime; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DnnlVersion
{
    public int Major;
    public int Minor;
    public int Patch;
    public nint Hash;
    public uint CpuRuntime;
    public uint GpuRuntime;
}
