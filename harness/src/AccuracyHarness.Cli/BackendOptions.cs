using System.CommandLine;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.Cli;

/// <summary>
/// The options that configure backends, for every command that creates them (run, shrink,
/// benchmark), so that a failure found with some configuration can be reproduced with it. Each
/// family's options (<see cref="IBackendFamily.Options"/>) become <c>--NAME</c> options here;
/// only <c>--kernel</c>, which adds backends rather than configuring them, is declared by hand.
/// </summary>
public static class BackendOptions
{
    public static readonly Option<string[]> Kernels = new("--kernel")
    {
        Description = "A kernel manifest (JSON, see README: your own kernels): a deconv kernel becomes backend ext:NAME, " +
            "a weights_reorder or conv kernel replaces that stage of opencl-replaced (repeatable).",
        HelpName = "MANIFEST",
    };

    /// <summary>
    /// Every family's options with the command-line option that gives each. Families that run the
    /// same thing (the rewrite) list the same option objects, declared once here.
    /// </summary>
    private static readonly IReadOnlyList<(BackendOption Spec, Option Option)> FamilyOptions =
        BackendWiring.Families([]).SelectMany(f => f.Options).Distinct().Select(spec => (spec, Declare(spec))).ToList();

    public static void AddTo(Command command)
    {
        command.Add(Kernels);
        foreach (var (_, option) in FamilyOptions) command.Add(option);
    }

    /// <summary>The options given, by name, as the families read them (a flag given is "true").</summary>
    public static Dictionary<string, string> Settings(ParseResult parsed)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spec, option) in FamilyOptions)
        {
            var result = parsed.GetResult(option);
            if (result is null || result.Implicit) continue;
            if (spec.IsFlag)
            {
                if (parsed.GetValue((Option<bool>)option)) settings[spec.Name] = "true";
            }
            else
            {
                settings[spec.Name] = parsed.GetValue((Option<string>)option)!;
            }
        }
        return settings;
    }

    /// <summary>The backend options given, as arguments that give them again (for worker processes).</summary>
    public static List<string> Arguments(ParseResult parsed)
    {
        var args = new List<string>();
        foreach (var manifest in parsed.GetValue(Kernels) ?? []) args.AddRange([Kernels.Name, Path.GetFullPath(manifest)]);
        foreach (var (name, value) in Settings(parsed))
        {
            var spec = FamilyOptions.First(o => o.Spec.Name == name).Spec;
            args.AddRange(spec.IsFlag ? [spec.Flag] : [spec.Flag, value]);
        }
        return args;
    }

    public static List<KernelManifest> Manifests(ParseResult parsed)
    {
        try
        {
            return (parsed.GetValue(Kernels) ?? []).Select(KernelManifest.Load).ToList();
        }
        catch (ManifestException e)
        {
            throw new UsageException($"--kernel: {e.Message}");
        }
    }

    private static Option Declare(BackendOption spec) => spec.IsFlag
        ? new Option<bool>(spec.Flag) { Description = spec.Description }
        : new Option<string>(spec.Flag) { Description = spec.Description, HelpName = spec.ValueName };
}
