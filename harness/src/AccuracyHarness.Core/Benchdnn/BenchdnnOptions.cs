using System.Globalization;
using System.Text.RegularExpressions;

namespace AccuracyHarness.Core.Benchdnn;

/// <summary>
/// The options benchdnn's deconvolution driver knows (its driver options and the common ones, as
/// oneDNN's benchdnn documents them), keyed by name. An option outside this catalogue, or a value
/// its check refuses, is an error naming the line: benchdnn itself refuses both, and reading them
/// as absent would shrink a nightly without anyone noticing. Values the harness only ignores
/// (tags, implementation filters, performance knobs) are checked no further than their form, since
/// they do not change the deconvolution the harness runs; the attributes the harness has tokens for
/// (post-ops, scales, zero points) are read by <see cref="BenchdnnAttributes"/>, which says what has none.
/// </summary>
public static partial class BenchdnnOptions
{
    public static readonly IReadOnlyList<string> Directions = ["FWD_B", "FWD_D", "FWD_I", "BWD_D", "BWD_W", "BWD_WB"];

    /// <summary>benchdnn's data type names; the harness runs those of its configurations (the others are counted skips).</summary>
    public static readonly IReadOnlyList<string> DataTypes =
        ["f64", "f32", "tf32", "bf16", "f16", "f8_e5m2", "f8_e4m3", "f4_e2m1", "f4_e3m0", "e8m0", "s32", "s8", "u8", "s4", "u4"];

    private static readonly string[] Algorithms = ["direct", "wino", "auto"];

    private static readonly string[] Booleans = ["true", "false", "1", "0"];

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex Tag();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex Configuration();

    public static readonly IReadOnlyDictionary<string, BenchdnnOption> Known = ((BenchdnnOption[])
    [
        new("--reset", "no value", v => v is null),
        new("--batch", "a file beside this one", v => !string.IsNullOrEmpty(v)),
        new("--dir", $"a comma-separated list of {string.Join(", ", Directions)}", v => List(v, d => OneOf(d, Directions))),
        new("--dt", $"a comma-separated list of data types, each one or src:wei:dst of {string.Join(", ", DataTypes)}",
            v => List(v, t => t.Split(':') is { Length: >= 1 and <= 3 } parts && parts.All(p => OneOf(p, DataTypes)))),
        new("--cfg", "a comma-separated list of configuration names (f32, f16, u8s8u8, ...)",
            v => List(v, c => Configuration().IsMatch(c))),
        new("--bia-dt", $"undef or one of {string.Join(", ", DataTypes)}", v => v is not null && OneOf(v, [.. DataTypes, "undef"])),
        .. TagOptions("--stag", "--wtag", "--dtag"),
        new("--alg", "a comma-separated list of direct, wino, auto", v => List(v, a => OneOf(a, Algorithms))),
        new("--mb", "a batch size: a whole number >= 1, or 0 for the descriptor's own", v => int.TryParse(v, NumberStyles.None,
            CultureInfo.InvariantCulture, out _)),
        new("--match", "a regular expression", v => v is not null),
        .. BooleanOptions("--allow-enum-tags-only", "--attr-same-pd-check", "--canonical", "--check-ref-impl", "--mem-check",
            "--fast-ref", "--fast-ref-gpu"),
        .. AnyValue("--attr-post-ops", "--attr-scales", "--attr-zero-points", "--attr-fpmath", "--attr-oscale", "--attr-scratchpad",
            "--attr-acc-mode", "--attr-rounding-mode", "--attr-deterministic", "--attr-dropout", "--skip-impl", "--impl",
            "--global-impl", "--global-skip-impl", "--ctx-init", "--ctx-exe", "--engine", "--mode", "--mode-modifier", "--verbose",
            "--start", "--perf-template", "--max-ms-per-prb", "--fix-times-per-prb", "--repeats-per-prb", "--num-streams",
            "--memory-kind", "--stream-kind", "--cpu-isa-hints", "--cold-cache", "--summary", "--execution-mode"),
    ]).ToDictionary(o => o.Name, StringComparer.Ordinal);

    private static bool List(string? value, Func<string, bool> item) => value is { Length: > 0 } && value.Split(',').All(item);

    private static bool OneOf(string value, IEnumerable<string> names) =>
        names.Contains(value, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<BenchdnnOption> TagOptions(params string[] names) =>
        names.Select(n => new BenchdnnOption(n, "a comma-separated list of memory tags (any, axb, abx, ...)",
            v => List(v, t => Tag().IsMatch(t))));

    private static IEnumerable<BenchdnnOption> BooleanOptions(params string[] names) =>
        names.Select(n => new BenchdnnOption(n, "true or false", v => v is not null && OneOf(v, Booleans)));

    private static IEnumerable<BenchdnnOption> AnyValue(params string[] names) =>
        names.Select(n => new BenchdnnOption(n, "a value after '='", v => v is not null));
}
