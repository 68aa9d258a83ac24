using AccuracyHarness.Core.Running;
using AccuracyHarness.OpenCL.Backends;

namespace AccuracyHarness.Cli;

/// <summary>The <c>--baseline FILE</c> of `run` and `report`: a missing or broken file is a usage error naming file and line.</summary>
public static class BaselineLoading
{
    /// <summary>
    /// The baseline at <paramref name="path"/> (null: none). Its entries may name the catalogue's backends
    /// and any <c>ext:NAME</c>: a user's kernel is a backend only in runs given its manifest.
    /// </summary>
    public static Baseline Load(string? path)
    {
        if (path is null) return Baseline.Empty;
        string[] backends = [.. BackendWiring.Catalogue().Entries.Select(e => e.Name), ExternalDeconvBackend.Prefix + "*"];
        try
        {
            return Baseline.Load(path, backends);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            throw new UsageException(e.Message);
        }
    }
}
