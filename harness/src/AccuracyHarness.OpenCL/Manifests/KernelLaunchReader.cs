using System.Text.Json;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>
/// Reads a manifest's version 2 fields into a <see cref="KernelLaunch"/>; every error names the
/// field (with its index) and the allowed values.
/// </summary>
internal static partial class KernelLaunchReader
{
    /// <summary>The version 2 fields; a manifest without any of them is read as before.</summary>
    public static readonly string[] Fields =
        ["dialect", "args", "global", "local", "defines", "weights", "include_dirs", "requires", "padding_lanes"];

    /// <summary>
    /// Fields that shape a launch the harness makes itself, so only a <c>deconv</c> kernel's; a dialect
    /// also fits a stage kernel, and an OpenVINO-dialect conv stage may set its range and extensions.
    /// </summary>
    private static readonly string[] DeconvOnlyFields = ["args", "global", "local", "defines", "weights", "padding_lanes", "requires"];

    private static readonly string[] OpenVinoConvFields = ["global", "local", "requires"];

    private static readonly Dictionary<string, KernelArgumentKind> BufferNames = new()
    {
        ["input"] = KernelArgumentKind.Input, ["output"] = KernelArgumentKind.Output, ["weights"] = KernelArgumentKind.Weights,
        ["bias"] = KernelArgumentKind.Bias, ["bias?"] = KernelArgumentKind.BiasIfPresent, ["params"] = KernelArgumentKind.Params,
    };

    private static readonly Dictionary<string, WeightsOrder> WeightsNames = new()
    {
        ["ioyx"] = WeightsOrder.Ioyx, ["oiyx"] = WeightsOrder.Oiyx, ["goiyx"] = WeightsOrder.Goiyx,
        ["oiyx-flipped"] = WeightsOrder.OiyxFlipped, ["os_is_yx_isv16_osv16"] = WeightsOrder.OsIsYxIsv16Osv16,
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    public static string WeightsName(WeightsOrder order) => WeightsNames.First(kv => kv.Value == order).Key;

    public static KernelLaunch Read(JsonElement root, string path, KernelRole role)
    {
        if (!Fields.Any(f => root.TryGetProperty(f, out _))) return KernelLaunch.Contract;
        var dialect = KernelDialect.Harness;
        if (root.TryGetProperty("dialect", out var dialectValue))
        {
            dialect = Text(dialectValue, path, "dialect") switch
            {
                "harness" => KernelDialect.Harness,
                "openvino" => KernelDialect.OpenVino,
                var other => throw new ManifestException(path, "dialect", $"'{other}' must be harness or openvino"),
            };
        }
        if (role != KernelRole.Deconv)
        {
            var allowed = role == KernelRole.Conv && dialect == KernelDialect.OpenVino ? OpenVinoConvFields : [];
            foreach (var field in DeconvOnlyFields.Except(allowed).Where(f => root.TryGetProperty(f, out _)))
            {
                var also = role == KernelRole.Conv ? " (and global, local, requires to an openvino-dialect conv)" : "";
                throw new ManifestException(path, field,
                    $"applies to role deconv only{also}; this kernel's role is {KernelManifest.RoleName(role)}");
            }
        }

        var args = root.TryGetProperty("args", out var argsValue) ? Arguments(argsValue, path) : null;
        var global = root.TryGetProperty("global", out var globalValue) ? Sizes(globalValue, path, "global") : null;
        var localGiven = root.TryGetProperty("local", out var localValue);
        var local = localGiven && localValue.ValueKind != JsonValueKind.Null ? Sizes(localValue, path, "local") : null;
        var dimensions = global?.Count ?? (dialect == KernelDialect.OpenVino ? 3 : 1);
        if (local is not null && local.Count != dimensions)
        {
            throw new ManifestException(path, "local",
                $"has {local.Count} sizes for a {dimensions}-dimensional global range; "
                + "give one per dimension, or null for the driver's choice");
        }

        WeightsOrder? weights = null;
        if (root.TryGetProperty("weights", out var weightsValue))
        {
            var name = Text(weightsValue, path, "weights");
            weights = WeightsNames.TryGetValue(name, out var order)
                ? order
                : throw new ManifestException(path, "weights", $"'{name}' must be one of {string.Join(", ", WeightsNames.Keys)}");
            var describable = order is WeightsOrder.Oiyx or WeightsOrder.Goiyx or WeightsOrder.OsIsYxIsv16Osv16;
            if (dialect == KernelDialect.OpenVino && !describable)
            {
                throw new ManifestException(path, "weights",
                    $"'{name}': the openvino dialect's FILTER macros describe oiyx, goiyx or os_is_yx_isv16_osv16");
            }
        }

        var paddingLanes = PaddingLanes.Written;
        if (root.TryGetProperty("padding_lanes", out var lanesValue))
        {
            paddingLanes = Text(lanesValue, path, "padding_lanes") switch
            {
                "written" => PaddingLanes.Written,
                "untouched" => PaddingLanes.Untouched,
                var other => throw new ManifestException(path, "padding_lanes", $"'{other}' must be written or untouched"),
            };
        }

        return new KernelLaunch(dialect, args, global, local, localGiven, Defines(root, path), weights,
            IncludeDirectories(root, path), Requires(root, path), paddingLanes);
    }

    private static List<KernelArgument> Arguments(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            throw new ManifestException(path, "args", $"must be a non-empty array of {KernelArgument.Choices}");
        var args = new List<KernelArgument>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var field = $"args[{index++}]";
            if (item.ValueKind == JsonValueKind.String)
            {
                var name = item.GetString()!;
                if (!BufferNames.TryGetValue(name, out var kind))
                    throw new ManifestException(path, field, $"'{name}' must be one of {KernelArgument.Choices}");
                if (kind != KernelArgumentKind.Params && args.Any(a => a.Kind == kind || (Bias(kind) && Bias(a.Kind))))
                    throw new ManifestException(path, field, $"'{name}' appears twice; each buffer is passed once");
                args.Add(new KernelArgument(kind));
            }
            else if (item.ValueKind == JsonValueKind.Object && item.EnumerateObject().Count() == 1
                && item.EnumerateObject().Single() is { Name: "int" or "float" } scalar)
            {
                var kind = scalar.Name == "int" ? KernelArgumentKind.Int : KernelArgumentKind.Float;
                args.Add(new KernelArgument(kind, Expression(scalar.Value, path, $"{field}.{scalar.Name}")));
            }
            else
            {
                throw new ManifestException(path, field, $"must be one of {KernelArgument.Choices}");
            }
        }
        foreach (var required in new[] { "input", "output", "weights" })
        {
            if (!args.Any(a => a.Kind == BufferNames[required]))
                throw new ManifestException(path, "args", $"has no '{required}'; a deconvolution kernel needs input, output and weights");
        }
        return args;
    }

    private static bool Bias(KernelArgumentKind kind) => kind is KernelArgumentKind.Bias or KernelArgumentKind.BiasIfPresent;

    private static List<ProblemExpression> Sizes(JsonElement value, string path, string field)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is < 1 or > 3)
        {
            throw new ManifestException(path, field,
                "must be an array of 1 to 3 sizes, each a number or an expression such as \"OC*N\" or \"align(OW, 32)\"");
        }
        return value.EnumerateArray().Select((item, i) => Expression(item, path, $"{field}[{i}]")).ToList();
    }

    private static List<KeyValuePair<string, ProblemExpression>> Defines(JsonElement root, string path)
    {
        if (!root.TryGetProperty("defines", out var value)) return [];
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException(path, "defines",
                "must be an object from macro name to a number or an expression, "
                + "e.g. { \"TILE_X\": 4, \"OUT_BLOCKS\": \"align(OW, 4) / 4\" }");
        }
        return value.EnumerateObject().Select(property => Identifier().IsMatch(property.Name)
            ? new KeyValuePair<string, ProblemExpression>(property.Name, Expression(property.Value, path, $"defines.{property.Name}"))
            : throw new ManifestException(path, $"defines.{property.Name}",
                "is not a macro name (letters, digits and '_', not starting with a digit)")).ToList();
    }

    private static List<string> IncludeDirectories(JsonElement root, string path)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        return StringList(root, path, "include_dirs").Select(text =>
        {
            var full = Path.GetFullPath(Path.Combine(folder, text));
            if (!Directory.Exists(full))
            {
                throw new ManifestException(path, "include_dirs",
                    $"'{text}' is not a folder (resolved to {full}; paths are relative to the manifest)");
            }
            if (full.Any(char.IsWhiteSpace))
                throw new ManifestException(path, "include_dirs", $"'{full}' contains white space, which build options cannot quote");
            return full;
        }).ToList();
    }

    private static List<string> Requires(JsonElement root, string path) =>
        StringList(root, path, "requires").Select(name => Identifier().IsMatch(name)
            ? name
            : throw new ManifestException(path, "requires", $"'{name}' is not an OpenCL extension name such as cl_khr_fp16")).ToList();

    private static List<string> StringList(JsonElement root, string path, string field)
    {
        if (!root.TryGetProperty(field, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw new ManifestException(path, field, "must be an array of strings");
        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private static ProblemExpression Expression(JsonElement value, string path, string field)
    {
        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.Number => ProblemExpression.Constant(value.GetDouble()),
                JsonValueKind.True => ProblemExpression.Constant(1),
                JsonValueKind.False => ProblemExpression.Constant(0),
                JsonValueKind.String => ProblemExpression.Parse(value.GetString()!),
                _ => throw new FormatException("must be a number or an expression over the problem (a string such as \"OC*N\")"),
            };
        }
        catch (FormatException e)
        {
            throw new ManifestException(path, field, e.Message);
        }
    }

    private static string Text(JsonElement value, string path, string field) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ManifestException(path, field, "must be a string");
}
