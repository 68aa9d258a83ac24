using System.Runtime.InteropServices;

namespace AccuracyHarness.OpenCL.Interop;

/// <summary>
/// The C library's environment. .NET's Environment.SetEnvironmentVariable does not reach the
/// native environ on Unix, and Oclgrind reads its OCLGRIND_* options with getenv. The versioned
/// glibc soname: plain "libc.so" is a linker script that only development packages install.
/// </summary>
internal static partial class Posix
{
    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    public static void SetEnvironment(string name, string value)
    {
        if (SetEnv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}");
    }
}
