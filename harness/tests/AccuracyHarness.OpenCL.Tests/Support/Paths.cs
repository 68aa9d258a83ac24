namespace AccuracyHarness.OpenCL.Tests.Support;

public static class Paths
{
    /// <summary>The repository root: the first folder above the test binaries that holds cases/kernels.</summary>
    public static string Repository
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "cases", "kernels"))) return dir.FullName;
            }
            throw new DirectoryNotFoundException($"no cases/kernels folder above {TestContext.CurrentContext.TestDirectory}");
        }
    }

    /// <summary>Writes a manifest and its kernel source into a fresh temporary folder and returns the manifest path.</summary>
    public static string WriteManifest(string name, string role, string kernelSource, string entry,
        string layouts = "\"nchw\", \"nhwc\", \"blocked16\"", string dtypes = "\"f32\", \"f16\"") =>
        WriteManifestText(name, $$"""
            { "name": "{{name}}", "role": "{{role}}", "source": "kernel.cl", "entry": "{{entry}}",
              "layouts": [{{layouts}}], "dtypes": [{{dtypes}}] }
            """, kernelSource);

    /// <summary>Writes a manifest's text and its kernel source (kernel.cl) into a fresh temporary folder; returns the manifest
    /// path.</summary>
    public static string WriteManifestText(string name, string manifestJson, string kernelSource)
    {
        var folder = Path.Combine(Path.GetTempPath(), "accuracyharness-tests", name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.cl"), kernelSource);
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, manifestJson);
        return manifest;
    }
}
