using System.Security.Cryptography;
using System.Text;
using AccuracyHarness.OpenCL.Interop;

namespace AccuracyHarness.OpenCL.Devices;

/// <summary>
/// Device binaries of built programs, kept in a folder across runs and machines (CI restores it), so a fresh process
/// skips the compiler. An entry is named by a hash of everything the binary depends on: the full program text, the
/// build options, and the device, its version, its driver and its platform. Entries are written whole under a temporary
/// name and renamed, so parallel runs and --isolate workers never read half a file; an entry that is damaged or that the
/// driver refuses is rebuilt from source and replaced, never an error. A folder that cannot be written only costs the
/// next run its builds.
/// </summary>
internal sealed class ProgramBinaryCache(string folder)
{
    public const string EnvironmentVariable = "ACCURACYHARNESS_PROGRAM_CACHE";

    /// <summary>File layout: this tag, the SHA-256 of the binary, the binary. The hash catches a file cut short or damaged.</summary>
    private static readonly byte[] Magic = "AHPB1\n"u8.ToArray();

    private long _fromSource;
    private long _fromCache;

    public string Folder { get; } = folder;

    public long FromSource => Interlocked.Read(ref _fromSource);

    public long FromCache => Interlocked.Read(ref _fromCache);

    /// <summary>The default folder is <c>~/.cache/accuracyharness/programs</c> (or under XDG_CACHE_HOME when set).</summary>
    public static string DefaultFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "accuracyharness", "programs");
    }

    /// <summary>
    /// The cache sessions use: the folder <see cref="EnvironmentVariable"/> names, else the default. Oclgrind is no
    /// exception: its binaries are the LLVM bitcode it interprets, built with the session's options (-cl-opt-disable), and
    /// its findings (reads past the end, uninitialised values, races) are the same from a loaded binary, as the Oclgrind
    /// tests show when run twice over one cache folder.
    /// </summary>
    public static ProgramBinaryCache FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new ProgramBinaryCache(string.IsNullOrEmpty(configured) ? DefaultFolder() : configured);
    }

    /// <summary>A built program: from the cache where an entry loads, else from source (then stored). A failed source build throws
    /// <see cref="ClException"/> with its build log, as an uncached build does.</summary>
    public ClProgramHandle Build(ClContextHandle context, OpenClDevice device, string source, string options)
    {
        var path = Path.Combine(Folder, Key(device, source, options) + ".bin");
        if (Load(path) is { } binary)
        {
            try
            {
                var program = Cl.BuildProgram(context, device.DeviceHandle, binary, options);
                Interlocked.Increment(ref _fromCache);
                return program;
            }
            catch (ClException)
            {
                // The driver refused the entry (another driver build wrote it, or it is damaged in a way the hash cannot
                // see): the source build below replaces it.
            }
        }
        var built = FromSourceBuild(context, device, source, options);
        Store(path, Cl.ProgramBinary(built));
        return built;
    }

    /// <summary>The entry's name: SHA-256 over each input, length-prefixed so that no two different inputs concatenate alike.</summary>
    internal static string Key(OpenClDevice device, string source, string options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { source, options, device.Name, device.Version, device.DriverVersion, device.Platform,
            device.PlatformVersion })
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes((long)bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private ClProgramHandle FromSourceBuild(ClContextHandle context, OpenClDevice device, string source, string options)
    {
        Interlocked.Increment(ref _fromSource);
        return Cl.BuildProgram(context, device.DeviceHandle, source, options);
    }

    /// <summary>The binary in an entry, or null when there is none or it is damaged.</summary>
    private static byte[]? Load(string path)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var headerLength = Magic.Length + SHA256.HashSizeInBytes;
        if (file.Length <= headerLength || !file.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        var binary = file[headerLength..];
        return SHA256.HashData(binary).AsSpan().SequenceEqual(file.AsSpan(Magic.Length, SHA256.HashSizeInBytes)) ? binary : null;
    }

    /// <summary>An entry's bytes: the tag, the binary's SHA-256, the binary.</summary>
    internal static byte[] Entry(byte[] binary) => [.. Magic, .. SHA256.HashData(binary), .. binary];

    private static void Store(string path, byte[] binary)
    {
        if (binary.Length == 0) return;
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, Entry(binary));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
