using System.Runtime.InteropServices;

namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>
/// Finds and loads ONNX Runtime's native library once per process. Search order: the file named
/// by <see cref="EnvironmentVariable"/>; .native/onnxruntime/ in the first folder at or above the
/// application that has one (where scripts/fetch-onnxruntime.sh puts the pinned build); then the
/// system's library path. Loading is explicit (never through a DllImport resolver), so a missing
/// library surfaces as one clear exception at first use rather than a crash.
/// </summary>
internal static class OrtLibrary
{
    public const string EnvironmentVariable = "ACCURACYHARNESS_ORT_LIBRARY";
    public const string FileName = "libonnxruntime.so.1";
    public static readonly string RepositoryFolder = Path.Combine(".native", "onnxruntime");

    private static readonly Lazy<(nint Handle, string Path)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static nint Handle => Loaded.Value.Handle;

    /// <summary>Where the library was loaded from (a bare name when the system's loader found it).</summary>
    public static string PathLoaded => Loaded.Value.Path;

    private static (nint, string) Load()
    {
        var tried = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            // A user who points at a build means that build: do not fall back to another one.
            return NativeLibrary.TryLoad(fromEnvironment, out var handle)
                ? (handle, fromEnvironment)
                : throw new OnnxRuntimeUnavailableException($"{EnvironmentVariable}={fromEnvironment} could not be loaded");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RepositoryFolder, FileName);
            if (!File.Exists(candidate)) continue;
            if (NativeLibrary.TryLoad(candidate, out var handle)) return (handle, candidate);
            tried.Add(candidate + " (exists but did not load)");
        }
        tried.Add($"{RepositoryFolder}/{FileName} in every folder above {AppContext.BaseDirectory}");

        foreach (var name in new[] { FileName, "libonnxruntime.so" })
        {
            if (NativeLibrary.TryLoad(name, out var handle)) return (handle, name);
            tried.Add(name + " on the system library path");
        }
        throw new OnnxRuntimeUnavailableException(
            $"ONNX Runtime's native library was not found (tried: {string.Join("; ", tried)}). " +
            $"Run scripts/setup.sh (or scripts/fetch-onnxruntime.sh), or set {EnvironmentVariable} to a libonnxruntime.so");
    }
}
