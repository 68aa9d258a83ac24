namespace AccuracyHarness.OpenCL.Devices;

/// <summary>
/// One OpenCL device as the harness names it: <c>pocl</c>, <c>oclgrind</c>, or a lowercase
/// slug of any other platform's name (with <c>-N</c> for its devices after the first).
/// </summary>
public sealed record OpenClDevice(
    string Id,
    string Platform,
    string PlatformVersion,
    string Name,
    string Version,
    string DriverVersion,
    uint ComputeUnits,
    IReadOnlyList<string> Extensions)
{
    internal nint PlatformHandle { get; init; }

    internal nint DeviceHandle { get; init; }

    public bool IsOclgrind => Platform.Equals("Oclgrind", StringComparison.OrdinalIgnoreCase);
}
