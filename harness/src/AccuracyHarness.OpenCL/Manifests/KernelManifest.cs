using System.Text.Json;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>
/// A user's kernel as a manifest (JSON) describes it: <c>name</c>, <c>role</c>
/// (deconv | weights_reorder | conv), <c>source</c> (path relative to the manifest), <c>entry</c>,
/// <c>layouts</c> and <c>dtypes</c> it supports (README "Data types": f32, f16, bf16 or a triple such as u8s8u8),
/// optional <c>post_ops</c> (true: the kernel applies the header's <c>APPLY_POST_OPS</c>) and <c>build_options</c>.
/// </summary>
public sealed partial record KernelManifest(
    string Name,
    KernelRole Role,
    string ManifestPath,
    KernelSource Source,
    IReadOnlySet<LayoutFamily> Layouts,
    IReadOnlySet<CaseTypes> DataTypes)
{
    /// <summary>Whether the kernel applies the post-op chain (manifest field <c>post_ops</c>); cases with post-ops are
    /// n/a for a kernel that does not say so.</summary>
    public bool PostOps { get; init; }

    /// <summary>How the kernel is built and launched: the version 2 fields (<see cref="KernelLaunch.Contract"/> without them).</summary>
    public KernelLaunch Launch { get; init; } = KernelLaunch.Contract;

    public const string RoleChoices = "deconv, weights_reorder, conv";

    private static readonly HashSet<string> Fields =
        ["name", "role", "source", "entry", "layouts", "dtypes", "post_ops", "build_options", .. KernelLaunchReader.Fields];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    public static string RoleName(KernelRole role) => role switch
    {
        KernelRole.Deconv => "deconv",
        KernelRole.WeightsReorder => "weights_reorder",
        KernelRole.Conv => "conv",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static KernelManifest Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ManifestException(full, "(file)", "the manifest file does not exist");
        return Parse(File.ReadAllText(full), full);
    }

    /// <summary>Reads a manifest's text; <paramref name="manifestPath"/> anchors the relative source path.</summary>
    public static KernelManifest Parse(string json, string manifestPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ManifestException(manifestPath, "(file)", $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ManifestException(manifestPath, "(file)", "must be a JSON object");
            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                    throw new ManifestException(manifestPath, property.Name, $"unknown field (allowed: {string.Join(", ", Fields)})");
            }

            var name = RequiredString(root, "name", manifestPath);
            if (!NamePattern().IsMatch(name))
                throw new ManifestException(manifestPath, "name",
                    $"'{name}' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");

            var roleText = RequiredString(root, "role", manifestPath);
            var role = Enum.GetValues<KernelRole>().Cast<KernelRole?>().FirstOrDefault(r => RoleName(r!.Value) == roleText)
                ?? throw new ManifestException(manifestPath, "role", $"'{roleText}' must be one of {RoleChoices}");

            var entry = RequiredString(root, "entry", manifestPath);
            if (!IdentifierPattern().IsMatch(entry))
                throw new ManifestException(manifestPath, "entry", $"'{entry}' is not an OpenCL C identifier");

            var layouts = StringList(root, "layouts", manifestPath).Select(text =>
                Names.TryParseLayout(text, out var l) ? l
                    : throw new ManifestException(manifestPath, "layouts", $"'{text}' is not a layout; use {Names.LayoutChoices}"))
                .ToHashSet();
            var dtypes = StringList(root, "dtypes", manifestPath).Select(text =>
                CaseTypes.TryParse(text, out var t) ? t
                    : throw new ManifestException(manifestPath, "dtypes", $"'{text}' is not a data type; use {CaseTypes.Choices}"))
                .ToHashSet();
            var postOps = false;
            if (root.TryGetProperty("post_ops", out var postOpsField))
            {
                postOps = postOpsField.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new ManifestException(manifestPath, "post_ops", "must be true or false"),
                };
            }

            var buildOptions = "";
            if (root.TryGetProperty("build_options", out var options))
            {
                buildOptions = options.ValueKind == JsonValueKind.String
                    ? options.GetString()!
                    : throw new ManifestException(manifestPath, "build_options", "must be a string of compiler options");
            }

            var sourceText = RequiredString(root, "source", manifestPath);
            var sourcePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(manifestPath) ?? ".",
                sourceText));
            if (!File.Exists(sourcePath))
                throw new ManifestException(manifestPath, "source",
                    $"'{sourceText}' does not exist (resolved to {sourcePath}; paths are relative to the manifest)");

            var launch = KernelLaunchReader.Read(root, manifestPath, role);
            if (launch.Dialect == KernelDialect.OpenVino && (postOps || dtypes.Any(t => t != CaseTypes.F32 && t != CaseTypes.F16)))
            {
                throw new ManifestException(manifestPath, postOps ? "post_ops" : "dtypes",
                    "the openvino dialect generates OpenVINO's constants for f32 and f16 without fused operations only");
            }
            var includes = launch.IncludeDirectories.Select(d => $"-I {d}");
            buildOptions = string.Join(" ", includes.Prepend(buildOptions).Where(o => o.Length > 0));
            var source = new KernelSource(sourcePath, File.ReadAllText(sourcePath), entry, buildOptions);
            return new KernelManifest(name, role, manifestPath, source, layouts, dtypes)
            {
                Launch = launch,
                PostOps = postOps,
            };
        }
    }

    /// <summary>Why the kernel cannot run a case (a layout, data type or post-ops it does not declare), or null.</summary>
    public string? Unsupported(Problem p)
    {
        var reasons = new List<string>();
        if (!Layouts.Contains(p.Case.Layout))
            reasons.Add($"layout {Names.ExactLayout(p.Case.Layout, p.Rank)} (it declares {string.Join(", ", Layouts.Select(Names.Of))})");
        if (!DataTypes.Contains(p.Case.Types))
            reasons.Add($"data type {p.Case.Types.Name} (it declares {string.Join(", ", DataTypes.Select(t => t.Name))})");
        if (!p.Case.PostOps.IsNone && !PostOps)
            reasons.Add($"post-ops {p.Case.PostOps.Text} (it does not declare \"post_ops\": true)");
        return reasons.Count == 0 ? null : $"kernel '{Name}' does not support {string.Join(" or ", reasons)}";
    }

    private static string RequiredString(JsonElement root, string field, string path)
    {
        if (!root.TryGetProperty(field, out var value)) throw new ManifestException(path, field, "is required");
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw new ManifestException(path, field, "must be a non-empty string");
        return value.GetString()!;
    }

    private static List<string> StringList(JsonElement root, string field, string path)
    {
        if (!root.TryGetProperty(field, out var value)) throw new ManifestException(path, field, "is required");
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            throw new ManifestException(path, field, "must be a non-empty array of strings");
        return value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new ManifestException(path, field, "must be a non-empty array of strings")).ToList();
    }
}
