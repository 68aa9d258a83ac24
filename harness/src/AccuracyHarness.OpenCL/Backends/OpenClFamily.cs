using AccuracyHarness.Core.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// The OpenCL family: <c>opencl-direct</c>, <c>opencl-replaced</c> and one <c>ext:NAME</c> per
/// <c>deconv</c> manifest (not run by default). Each factory makes one backend per device in
/// <see cref="BackendSettings.Devices"/> (default <c>pocl</c>) and reads <see cref="OpenClOptions"/>.
/// Its native cache is one session per device for the whole process (DeviceSession: context,
/// queue and built programs), shared by every backend on the device.
/// </summary>
/// <param name="manifests">Users' kernels (--kernel): deconv kernels become ext:NAME backends, stage kernels replace stages of
/// opencl-replaced.</param>
public sealed class OpenClFamily(IReadOnlyList<KernelManifest> manifests) : IBackendFamily
{
    public const string DefaultDevice = OpenClDevices.Pocl;

    public string Name => "opencl";

    public IReadOnlyList<BackendOption> Options => [.. OpenClOptions.All, KernelChoice.DirectOption, KernelChoice.ConvOption];

    public bool IsAvailable(out string reason) => OpenClDevices.IsLoaderAvailable(out reason);

    public string Describe() => OpenClDevices.Describe(OpenClDevices.List());

    public void Register(BackendCatalogue catalogue)
    {
        var stageKernels = manifests.Where(m => m.Role != KernelRole.Deconv).ToList();
        catalogue.Add(this, OpenClDirectBackend.Id,
            "the project's OpenCL deconvolution kernels (gather form; tiled for large cases), every layout",
            settings => PerDevice(OpenClDirectBackend.Id, settings, (device, options) =>
                new OpenClDirectBackend(device, options, KernelChoice.From(settings, KernelChoice.DirectOption))));
        catalogue.Add(this, OpenClReplacedBackend.Id,
            "deconvolution rewritten as weights reorder + stride-1 convolution on the device (option rule: corrected | openvino-2024)",
            settings => PerDevice(OpenClReplacedBackend.Id, settings, (device, options) =>
                new OpenClReplacedBackend(device, options, stageKernels, KernelChoice.From(settings, KernelChoice.ConvOption))));
        foreach (var manifest in manifests.Where(m => m.Role == KernelRole.Deconv))
        {
            var name = ExternalDeconvBackend.Prefix + manifest.Name;
            catalogue.Add(this, name, $"user kernel {manifest.Source.Entry} from {manifest.ManifestPath}",
                settings => PerDevice(name, settings, (device, options) =>
                    new ExternalDeconvBackend(manifest, device, options)), isDefault: false);
        }
    }

    /// <summary>
    /// One backend per device asked for. A missing <c>pocl</c> or <c>oclgrind</c> makes the backend
    /// unavailable (the setup installs them); any other name the loader does not report is a usage
    /// error that lists the devices there are.
    /// </summary>
    private static IReadOnlyList<IBackend> PerDevice(
        string backend, BackendSettings settings, Func<OpenClDevice, OpenClOptions, IBackend> create)
    {
        var options = OpenClOptions.From(settings);
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
