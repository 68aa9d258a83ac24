using AccuracyHarness.Core.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The one place the command line calls to add the OpenCL backends to its catalogue:
/// <c>opencl-direct</c>, <c>opencl-replaced</c> and one <c>ext:NAME</c> per <c>deconv</c>
/// manifest. Each factory makes one backend per device in <see cref="BackendSettings.Devices"/>
/// (default <c>pocl</c>) and reads its options with <see cref="OpenClOptions.From"/>.
/// </summary>
public static class OpenClBackends
{
    public const string DefaultDevice = OpenClDevices.Pocl;

    public static void Register(BackendCatalogue catalogue, IReadOnlyList<KernelManifest> manifests)
    {
        var stageKernels = manifests.Where(m => m.Role != KernelRole.Deconv).ToList();
        catalogue.Add(OpenClDirectBackend.Id, "the project's OpenCL deconvolution kernel (gather form), every layout",
            settings => PerDevice(OpenClDirectBackend.Id, settings,
                (device, options) => new OpenClDirectBackend(device, options, DirectKernelChoice.From(settings))));
        catalogue.Add(OpenClReplacedBackend.Id, "deconvolution rewritten as weights reorder + stride-1 convolution on the device (option rule: corrected | openvino-2024)",
            settings => PerDevice(OpenClReplacedBackend.Id, settings, (device, options) => new OpenClReplacedBackend(device, options, stageKernels)));
        foreach (var manifest in manifests.Where(m => m.Role == KernelRole.Deconv))
        {
            var name = ExternalDeconvBackend.Prefix + manifest.Name;
            catalogue.Add(name, $"user kernel {manifest.Source.Entry} from {manifest.ManifestPath}",
                settings => PerDevice(name, settings, (device, options) => new ExternalDeconvBackend(manifest, device, options)));
        }
    }

    /// <summary>
    /// One backend per device asked for. A missing loader, or a missing <c>pocl</c> or
    /// <c>oclgrind</c>, makes the backend unavailable (the setup installs them); any other name
    /// the loader does not report is a usage error that lists the devices there are.
    /// </summary>
    private static IReadOnlyList<IBackend> PerDevice(string backend, BackendSettings settings, Func<OpenClDevice, OpenClOptions, IBackend> create)
    {
        var options = OpenClOptions.From(settings);
        if (!OpenClDevices.IsLoaderAvailable(out var reason)) throw new BackendUnavailableException(backend, reason);
        var names = settings.Devices.Count == 0 ? [DefaultDevice] : settings.Devices;
        return names.Select(name =>
        {
            try
            {
                return create(OpenClDevices.Find(name), options);
            }
            catch (OpenClUnavailableException e)
            {
                if (name is OpenClDevices.Pocl or OpenClDevices.Oclgrind) throw new BackendUnavailableException(backend, e.Message);
                throw new ArgumentException($"--devices: {e.Message}");
            }
        }).ToList();
    }
}
