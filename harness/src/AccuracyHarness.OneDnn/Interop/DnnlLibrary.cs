using System.Reflection;
using System.Runtime.InteropServices;

namespace AccuracyHarness.OneDnn.Interop;

/// <summary>
/// Where libdnnl comes from: the file named by <see cref="EnvironmentVariable"/> (a user who points
/// at a build means that build, with no fallback), else the versioned soname on the system path.
/// The resolver never throws: it answers zero and lets <see cref="IsAvailable"/> say why.
/// </summary>
internal static class DnnlLibrary
{
    public const string EnvironmentVariable = "ACCURACYHARNESS_DNNL_LIBRARY";

    /// <summary>The versioned soname: the unversioned one only exists with the development package.</summary>
    public const string FileName = "libdnnl.so.2";

    private static readonly Lazy<(nint Handle, string Path, string Error)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    static DnnlLibrary() => NativeLibrary.SetDllImportResolver(typeof(DnnlLibrary).Assembly, Resolve);

    /// <summary>Where the library was loaded from (a bare name when the system's loader found it).</summary>
    public static string PathLoaded => Loaded.Value.Path;

    /// <summary>The file the process mapped for the library (/proc/self/maps), which a bare soname does not say.</summary>
    public static string MappedPath()
    {
        if (!IsAvailable(out _)) return PathLoaded;
        var name = Path.GetFileName(PathLoaded);
        var stem = name.Contains(".so", StringComparison.Ordinal) ? name[..name.IndexOf(".so", StringComparison.Ordinal)] : name;
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .FirstOrDefault(path => path.StartsWith('/') && Path.GetFileName(path).StartsWith(stem + ".so", StringComparison.Ordinal));
        return mapped ?? PathLoaded;
    }

    public static bool IsAvailable(out string reason)
    {
        reason = Loaded.Value.Error;
        return Loaded.Value.Handle != 0;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == FileName ? Loaded.Value.Handle : 0;

    private static (nint, string, string) Load()
    {
        var chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(chosen))
        {
            return NativeLibrary.TryLoad(chosen, out var own)
                ? (own, chosen, "")
                : (0, chosen, $"{EnvironmentVariable}={chosen} could not be loaded");
        }
        return NativeLibrary.TryLoad(FileName, out var handle)
            ? (handle, FileName, "")
            : (0, FileName, $"oneDNN's library ({FileName}) was not found on the system library path: run scripts/setup.sh " +
                $"(it installs Debian's libdnnl2) or set {EnvironmentVariable} to a libdnnl.so");
    }
}
