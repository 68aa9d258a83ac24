using System.CommandLine;
using System.Globalization;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.Cli;

/// <summary>
/// The options that configure backends, shared by every command that creates them (run,
/// shrink), so that a failure found with some configuration can be reproduced with it.
/// </summary>
public static class BackendOptions
{
    public static readonly Option<bool> OrtF16Casts = new("--ort-f16-casts")
    {
        Description = "Run f16 cases on ONNX Runtime in f32 between Cast nodes (it has no CPU f16 ConvTranspose; otherwise n/a).",
    };

    public static readonly Option<int?> OrtThreads = new("--ort-threads")
    {
        Description = "ONNX Runtime intra-op threads per session (default 1).",
        HelpName = "N",
    };

    public static readonly Option<string[]> Kernels = new("--kernel")
    {
        Description = "A kernel manifest (JSON, see README: your own kernels): a deconv kernel becomes backend ext:NAME, a weights_reorder or conv kernel replaces that stage of opencl-replaced (repeatable).",
        HelpName = "MANIFEST",
    };

    public static readonly Option<string?> Rule = new("--rule")
    {
        Description = "Replacement rule of opencl-replaced: corrected (exact for stride 1; default) or openvino-2024 (the real pass, blind spots included).",
        HelpName = "corrected|openvino-2024",
    };

    public static readonly Option<bool> ZeroInsertion = new("--zero-insertion")
    {
        Description = "Let opencl-replaced cover stride > 1 by inserting s-1 zeros between input elements (the fractionally strided form).",
    };

    public static readonly Option<string?> DirectKernel = new("--direct-kernel")
    {
        Description = "Kernel of opencl-direct: auto (the tiled kernel from 1e8 multiply-adds on; default), simple or tiled.",
        HelpName = "auto|simple|tiled",
    };

    public static readonly Option<bool> JitConstants = new("--jit-constants")
    {
        Description = "Bake the problem sizes into OpenCL programs as constants (one build per shape) instead of reading the params buffer.",
    };

    public static void AddTo(Command command)
    {
        foreach (var option in new Option[] { Kernels, Rule, ZeroInsertion, JitConstants, DirectKernel, OrtF16Casts, OrtThreads }) command.Add(option);
    }

    /// <summary>The options under the names the backends read (BackendSettings.Options).</summary>
    public static Dictionary<string, string> Settings(ParseResult parsed)
    {
        var options = new Dictionary<string, string>();
        if (parsed.GetValue(OrtF16Casts)) options["ort-f16-casts"] = "true";
        if (parsed.GetValue(OrtThreads) is { } threads) options["ort-threads"] = threads.ToString(CultureInfo.InvariantCulture);
        if (parsed.GetValue(Rule) is { } rule) options["rule"] = rule;
        if (parsed.GetValue(ZeroInsertion)) options["zero-insertion"] = "true";
        if (parsed.GetValue(JitConstants)) options["jit-constants"] = "true";
        if (parsed.GetValue(DirectKernel) is { } kernel) options["direct-kernel"] = kernel;
        return options;
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
}
