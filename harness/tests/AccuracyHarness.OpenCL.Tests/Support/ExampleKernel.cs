using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Tests.Support;

/// <summary>
/// The shipped example kernel with statements spliced in: a correct kernel made faulty in one
/// known way, run as an ext: backend.
/// </summary>
public static class ExampleKernel
{
    private const string DecodeLine = "    OUT_DECODE(flat, n, oc, oz, oy, ox);\n";
    private const string StoreLine = "    STORE(output, flat, acc);\n";

    public static string Source =>
        File.ReadAllText(Path.Combine(Paths.Repository, "cases", "kernels", "example-deconv", "example_deconv.cl"));

    /// <param name="afterDecode">statements right after the output coordinates are known</param>
    /// <param name="beforeStore">statements right before the result is stored (acc holds it)</param>
    public static ExternalDeconvBackend With(string name, OpenClDevice device, string afterDecode = "", string beforeStore = "")
    {
        var source = Source;
        Assert.That(source, Does.Contain(DecodeLine).And.Contain(StoreLine),
            "the example kernel's decode or store line changed; update this helper");
        source = source.Replace(DecodeLine, DecodeLine + afterDecode + "\n").Replace(StoreLine, beforeStore + "\n" + StoreLine);
        var manifest = KernelManifest.Load(Paths.WriteManifest(name, "deconv", source, "example_deconv"));
        return new ExternalDeconvBackend(manifest, device, OpenClOptions.Default);
    }
}
