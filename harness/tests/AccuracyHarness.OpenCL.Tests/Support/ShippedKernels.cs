using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Tests.Support;

/// <summary>The example kernels under cases/kernels, as shipped or with one text replaced (a planted fault or a changed field).</summary>
public static class ShippedKernels
{
    /// <summary>An example's folder by name, or any folder given as an absolute path.</summary>
    public static string Folder(string name) => Path.IsPathRooted(name) ? name : Path.Combine(Paths.Repository, "cases", "kernels", name);

    public static ExternalDeconvBackend Backend(string name, OpenClDevice device) =>
        new(KernelManifest.Load(Path.Combine(Folder(name), "manifest.json")), device, OpenClOptions.Default);

    /// <summary>A copy of the example's folder with <paramref name="from"/> replaced by <paramref name="to"/> in a file.</summary>
    public static ExternalDeconvBackend Changed(string name, OpenClDevice device, string file, string from, string to) =>
        Changed(name, device, file, (from, to));

    /// <summary>A copy of the example's folder with each patch's text replaced in <paramref name="file"/>.</summary>
    public static ExternalDeconvBackend Changed(string name, OpenClDevice device, string file, params (string From, string To)[] patches)
    {
        var copy = Path.Combine(Path.GetTempPath(), "accuracyharness-tests", name + "-" + Guid.NewGuid().ToString("N"));
        foreach (var path in Directory.GetFiles(Folder(name), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Folder(name), path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
        var changed = Path.Combine(copy, file);
        var text = File.ReadAllText(changed);
        foreach (var (from, to) in patches)
        {
            Assert.That(text, Does.Contain(from), $"{name}/{file} no longer contains the text this test changes; update the test");
            text = text.Replace(from, to);
        }
        File.WriteAllText(changed, text);
        return Backend(copy, device);
    }
}
