using System.Reflection;
using System.Runtime.InteropServices;

namespace AccuracyHarness.Blas.Interop;

/// <summary>
/// Where OpenBLAS comes from: the file named by <see cref="EnvironmentVariable"/> (a user who points at a
/// build means that build, with no fallback), else the versioned soname on the system path (Debian's
/// libopenblas0-pthread). The resolver never throws: it answers zero and lets <see cref="IsAvailable"/> say why.
/// </summary>
internal static class OpenBlasLibrary
{
    public const string EnvironmentVariable = "ACCURACYHARNESS_OPENBLAS_LIBRARY";

    /// <summary>The versioned soname: the unversioned one only exists with the development package.</summary>
    public const string FileName = "libopenblas.so.0";

    private static readonly Lazy<(nint Handle, string Error)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    static OpenBlasLibrary() => NativeLibrary.SetDllImportResolver(typeof(OpenBlasLibrary).Assembly, Resolve);

    public static bool IsAvailable(out string reason)
    {
        reason = Loaded.Value.Error;
        return Loaded.Value.Handle != 0;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == FileName ? Loaded.Value.Handle : 0;

    private static (nint, string) Load()
    {
        var chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            return NativeLibrary.TryLoad(chosen, out var own) ? (own, "") : (0, $"{EnvironmentVariable}={chosen} could not be loaded");
        }
        return NativeLibrary.TryLoad(FileName, out var handle)
            ? (handle, "")
            : (0, $"OpenBLAS ({FileName}) was not found on the system library path: run scripts/setup.sh " +
                $"(it installs Debian's libopenblas0-pthread) or set {EnvironmentVariable} to a libopenblas.so");
    }
}
