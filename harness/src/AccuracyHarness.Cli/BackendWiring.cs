using System.CommandLine;
using System.Runtime.InteropServices;
using AccuracyHarness.Blas;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.OneDnn.Backends;
using AccuracyHarness.OnnxRuntime;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.Cli;

/// <summary>The one place that knows every backend family, and the one way commands construct backends.</summary>
public static class BackendWiring
{
    private static int _loopsSaid;

    /// <param name="manifests">Users' kernels (--kernel), which the OpenCL family turns into backends.</param>
    /// <param name="gemm">The reference's matrix product (<see cref="ReferenceGemm"/>; none: its loops).</param>
    public static IReadOnlyList<IBackendFamily> Families(IReadOnlyList<KernelManifest> manifests, IGemm? gemm = null) =>
        [new ReferenceFamily(gemm), new OnnxRuntimeFamily(), new OpenClFamily(manifests), new OneDnnFamily()];

    public static BackendCatalogue Catalogue(IReadOnlyList<KernelManifest>? manifests = null, IGemm? gemm = null) =>
        BackendCatalogue.Of(Families(manifests ?? [], gemm));

    /// <summary>
    /// The matrix product the reference sums large cases with: OpenBLAS, its threads the cores shared out
    /// between the jobs (cores / jobs, at least one), so that cases run side by side never ask for more threads
    /// than there are cores. Without OpenBLAS the reference runs its loops (the same verdicts, slower on large
    /// cases), and stderr says so once per process.
    /// </summary>
    /// <param name="worker">An isolated worker's: its run's process has said it already.</param>
    public static IGemm? ReferenceGemm(int jobs, bool worker = false)
    {
        var gemm = OpenBlasGemm.Create(System.Environment.ProcessorCount / Math.Max(1, jobs), out var reason);
        if (gemm is null && !worker && Interlocked.Exchange(ref _loopsSaid, 1) == 0)
            Console.Error.WriteLine($"note: the reference runs its loops (slower on large cases): {reason}");
        return gemm;
    }

    /// <summary>
    /// The backends a command asked for: <paramref name="names"/> (null: the defaults) on the
    /// devices given, configured by the backend options of <paramref name="parsed"/>. Unknown
    /// names, devices and bad option values are usage errors; a missing native library is not.
    /// </summary>
    public static IReadOnlyList<IBackend> Create(
        ParseResult parsed, string option, IReadOnlyList<string>? names, IReadOnlyList<string> devices, IGemm? gemm = null)
    {
        var catalogue = Catalogue(BackendOptions.Manifests(parsed), gemm);
        var known = string.Join(", ", catalogue.Entries.Select(e => e.Name));
        foreach (var name in names ?? [])
        {
            if (!catalogue.Contains(name)) throw new UsageException($"{option}: unknown backend '{name}' (known: {known})");
        }
        var settings = new BackendSettings { Devices = devices, Options = BackendOptions.Settings(parsed) };
        try
        {
            return catalogue.Create(names ?? catalogue.Defaults, settings);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Lines describing the native libraries behind the backends, for `devices` and reports.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Environment()
    {
        var info = new List<KeyValuePair<string, string>>
        {
            new("harness", typeof(BackendWiring).Assembly.GetName().Version?.ToString() ?? "?"),
            new("dotnet", RuntimeInformation.FrameworkDescription),
            new("machine",
                $"{System.Environment.MachineName}, {System.Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}"),
        };
        foreach (var family in Families([]))
            info.Add(new(family.Name, family.IsAvailable(out var reason) ? family.Describe() : $"unavailable: {reason}"));
        info.Add(new("openblas", OpenBlasGemm.IsAvailable(out var missing) ? OpenBlasGemm.Describe() : $"unavailable: {missing}"));
        if (Core.Running.GitCommit.TryRead() is { } commit) info.Add(new("commit", commit));
        return info;
    }
}
