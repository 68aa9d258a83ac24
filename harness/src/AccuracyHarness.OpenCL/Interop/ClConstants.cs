namespace AccuracyHarness.OpenCL.Interop;

/// <summary>The cl_* constants the binding uses (values from the Khronos cl.h headers).</summary>
internal static class ClConstants
{
    public const uint PlatformVersion = 0x0901;
    public const uint PlatformName = 0x0902;

    public const ulong DeviceTypeAll = 0xFFFFFFFF;
    public const uint DeviceMaxComputeUnits = 0x1002;
    public const uint DeviceName = 0x102B;
    public const uint DriverVersion = 0x102D;
    public const uint DeviceVersion = 0x102F;
    public const uint DeviceExtensions = 0x1030;

    public const ulong QueueProfilingEnable = 1 << 1;

    public const ulong MemReadWrite = 1 << 0;
    public const ulong MemReadOnly = 1 << 2;

    public const uint ProgramBinarySizes = 0x1165;
    public const uint ProgramBinaries = 0x1166;
    public const uint ProgramBuildLog = 0x1183;

    public const uint ProfilingCommandStart = 0x1282;
    public const uint ProfilingCommandEnd = 0x1283;

    public const uint True = 1;
}
