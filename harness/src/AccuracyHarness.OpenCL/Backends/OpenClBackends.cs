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
            settings => PerDevice(settings, (device, options) => new OpenClDirectBackend(device, options)));
        catalogue.Add(OpenClReplacedBackend.Id, "deconvolution rewritten as weights reorder + stride-1 convolution on the device (option rule: corrected | openvino-2024)",
            settings => PerDevice(settings, (device, options) => new OpenClReplacedBackend(device, options, stageKernels)));
        foreach (var manifest in manifests.Where(m => m.Role == KernelRole.Deconv))
        {
            catalogue.Add(ExternalDeconvBackend.Prefix + manifest.Name, $"user kernel {manifest.Source.Entry} from {manifest.ManifestPath}",
                settings => PerDevice(settings, (device, options) => new ExternalDeconvBackend(manifest, device, options)));
        }
    }

    private static IReadOnlyList<IBackend> PerDevice(BackendSettings settings, Func<OpenClDevice, OpenClOptions, IBackend> create)
    {
        var options = OpenClOptions.From(settings);
        var names = settings.Devices.Count == 0 ? [DefaultDevice] : settings.Devices;
        return names.Select(name => create(OpenClDevices.Find(name), options)).ToList();
    }
}
