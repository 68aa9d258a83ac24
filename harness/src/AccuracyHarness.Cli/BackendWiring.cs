using System.CommandLine;
using System.Runtime.InteropServices;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.OneDnn.Backends;
using AccuracyHarness.OnnxRuntime;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.Cli;

/// <summary>The one place that knows every backend family, and the one way commands construct backends.</summary>
public static class BackendWiring
{
    /// <param name="manifests">Users' kernels (--kernel), which the OpenCL family turns into backends.</param>
    public static IReadOnlyList<IBackendFamily> Families(IReadOnlyList<KernelManifest> manifests) =>
        [new ReferenceFamily(), new OnnxRuntimeFamily(), new OpenClFamily(manifests), new OneDnnFamily()];

    public static BackendCatalogue Catalogue(IReadOnlyList<KernelManifest>? manifests = null) =>
        BackendCatalogue.Of(Families(manifests ?? []));

    /// <summary>
    /// The backends a command asked for: <paramref name="names"/> (null: the defaults) on the
    /// devices given, configured by the backend options of <paramref name="parsed"/>. Unknown
    /// names, devices and bad option values are usage errors; a missing native library is not.
    /// </summary>
    public static IReadOnlyList<IBackend> Create(
        ParseResult parsed, string option, IReadOnlyList<string>? names, IReadOnlyList<string> devices)
    {
        var catalogue = Catalogue(BackendOptions.Manifests(parsed));
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
        if (Core.Running.GitCommit.TryRead() is { } commit) info.Add(new("commit", commit));
        return info;
    }
}
