using AccuracyHarness.Core.Backends;
using AccuracyHarness.OneDnn.Backends;
using AccuracyHarness.OnnxRuntime;
using AccuracyHarness.OnnxRuntime.Interop;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.Cli;

/// <summary>The one place that knows every backend: the catalogue the commands choose from.</summary>
public static class BackendWiring
{
    /// <param name="manifests">Users' kernels (--kernel): deconv kernels become ext:NAME backends, stage kernels replace stages of opencl-replaced.</param>
    public static BackendCatalogue Catalogue(IReadOnlyList<KernelManifest>? manifests = null)
    {
        var catalogue = new BackendCatalogue();
        catalogue.Add(ReferenceBackend.Id, "the double-precision reference in its scatter form, checked against the gather form", _ => [new ReferenceBackend()]);
        foreach (var (name, description) in OnnxRuntimeBackends.Register(new BackendCatalogue()).Entries)
            catalogue.Add(name, description, RequireOnnxRuntime(name));
        OpenClBackends.Register(catalogue, manifests ?? []);
        new OneDnnFamily().Register(catalogue);
        return catalogue;
    }

    /// <summary>The backends a plain run uses: every one in the catalogue but users' own kernels.</summary>
    public static IReadOnlyList<string> Defaults(BackendCatalogue catalogue) =>
        catalogue.Entries.Select(e => e.Name).Where(n => !n.StartsWith("ext:", StringComparison.Ordinal)).ToList();

    /// <summary>ONNX Runtime's factories, failing early (exit 3) when its native library is missing.</summary>
    private static BackendFactory RequireOnnxRuntime(string name) => settings =>
    {
        if (!OrtRuntimeInfo.IsAvailable(out var reason)) throw new BackendUnavailableException(name, reason);
        return OnnxRuntimeBackends.Register(new BackendCatalogue()).Create(name, settings);
    };

    /// <summary>Lines describing the native libraries behind the backends, for `devices` and reports.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment()
    {
        var info = new List<KeyValuePair<string, string>>
        {
            new("harness", typeof(BackendWiring).Assembly.GetName().Version?.ToString() ?? "?"),
            new("dotnet", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription),
            new("machine", $"{System.Environment.MachineName}, {System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"),
            new("onnxruntime", OrtRuntimeInfo.IsAvailable(out var reason) ? OrtRuntimeInfo.Describe() : $"unavailable: {reason}"),
            new("opencl", OpenClDevices.IsLoaderAvailable(out var clReason) ? OpenClDevices.Describe(OpenClDevices.List()) : $"unavailable: {clReason}"),
        };
        var onednn = new OneDnnFamily();
        info.Add(new(onednn.Name, onednn.IsAvailable(out var dnnlReason) ? onednn.Describe() : $"unavailable: {dnnlReason}"));
        if (Core.Running.GitCommit.TryRead() is { } commit) info.Add(new("commit", commit));
        return info;
    }
}
