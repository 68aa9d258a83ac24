using System.Text;
using AccuracyHarness.OpenCL.Interop;

namespace AccuracyHarness.OpenCL.Devices;

/// <summary>The platforms and devices the ICD loader reports, by the names the harness uses.</summary>
public static class OpenClDevices
{
    public const string Pocl = "pocl";
    public const string Oclgrind = "oclgrind";

    public const string SetupHint =
        "run scripts/setup.sh (it installs ocl-icd-libopencl1, pocl-opencl-icd and oclgrind and registers Oclgrind with the OpenCL loader)";

    private static readonly Lazy<IReadOnlyList<OpenClDevice>> All = new(Enumerate);

    /// <summary>Whether the loader can be loaded; never throws.</summary>
    public static bool IsLoaderAvailable(out string reason)
    {
        if (ClNative.TryLoad(out var error))
        {
            reason = "";
            return true;
        }
        reason = $"{error}: {SetupHint}";
        return false;
    }

    /// <summary>Every device of every platform; throws <see cref="OpenClUnavailableException"/> without a loader.</summary>
    public static IReadOnlyList<OpenClDevice> List()
    {
        if (!IsLoaderAvailable(out var reason)) throw new OpenClUnavailableException(reason);
        return All.Value;
    }

    public static OpenClDevice Find(string id)
    {
        var devices = List();
        return devices.FirstOrDefault(d => d.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
            ?? throw new OpenClUnavailableException(devices.Count == 0
                ? $"OpenCL device '{id}' not found: the loader reports no platform; {SetupHint}"
                : $"OpenCL device '{id}' not found (available: {string.Join(", ", devices.Select(d => d.Id))}); {SetupHint}");
    }

    /// <summary>The text the command line prints for <c>devices</c>: one block per device.</summary>
    public static string Describe(IEnumerable<OpenClDevice> devices)
    {
        var sb = new StringBuilder();
        foreach (var d in devices)
        {
            sb.AppendLine(d.Id);
            sb.AppendLine($"  platform:   {d.Platform} ({d.PlatformVersion})");
            sb.AppendLine($"  device:     {d.Name}");
            sb.AppendLine($"  version:    {d.Version}");
            sb.AppendLine($"  driver:     {d.DriverVersion}");
            sb.AppendLine($"  compute units: {d.ComputeUnits}");
            sb.AppendLine($"  extensions: {string.Join(' ', d.Extensions)}");
        }
        return sb.ToString();
    }

    private static IReadOnlyList<OpenClDevice> Enumerate()
    {
        var result = new List<OpenClDevice>();
        foreach (var platform in Cl.Platforms())
        {
            var platformName = Cl.PlatformString(platform, ClConstants.PlatformName);
            var slug = Slug(platformName);
            var devices = Cl.Devices(platform);
            for (var i = 0; i < devices.Length; i++)
            {
                var device = devices[i];
                result.Add(new OpenClDevice(
                    i == 0 ? slug : $"{slug}-{i}",
                    platformName,
                    Cl.PlatformString(platform, ClConstants.PlatformVersion),
                    Cl.DeviceString(device, ClConstants.DeviceName),
                    Cl.DeviceString(device, ClConstants.DeviceVersion),
                    Cl.DeviceString(device, ClConstants.DriverVersion),
                    Cl.DeviceUInt(device, ClConstants.DeviceMaxComputeUnits),
                    Cl.DeviceString(device, ClConstants.DeviceExtensions).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    PlatformHandle = platform,
                    DeviceHandle = device,
                });
            }
        }
        return result;
    }

    /// <summary>The short names users type; any other platform becomes its name in lowercase with dashes.</summary>
    internal static string Slug(string platformName)
    {
        if (platformName.Equals("Portable Computing Language", StringComparison.OrdinalIgnoreCase)) return Pocl;
        if (platformName.Equals("Oclgrind", StringComparison.OrdinalIgnoreCase)) return Oclgrind;
        var sb = new StringBuilder();
        foreach (var ch in platformName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
