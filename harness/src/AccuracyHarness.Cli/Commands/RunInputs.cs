using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Commands;

/// <summary>What `run` was given, as typed; <see cref="Validate"/> checks every rule in one place.</summary>
public sealed record RunInputs
{
    public string[] Suites { get; init; } = [];
    public string[] Cases { get; init; } = [];
    public string? Backends { get; init; }
    public string? Devices { get; init; }
    public string? DataTypes { get; init; }
    public string? Layouts { get; init; }
    public string? Fill { get; init; }
    public ulong? Seed { get; init; }
    public string? Out { get; init; }
    public string Dump { get; init; } = "none";
    public double? Atol { get; init; }
    public double? Rtol { get; init; }
    public string? CrossDataTypes { get; init; }
    public string? CrossLayouts { get; init; }
    public string? Match { get; init; }
    public int Jobs { get; init; } = 1;
    public double? Timeout { get; init; }
    public int Repeat { get; init; } = 1;
    public string? Shard { get; init; }
    public double? Sample { get; init; }
    public string? Resume { get; init; }
    public bool Isolate { get; init; }
    public string? Baseline { get; init; }

    /// <summary>The inputs checked and converted; throws <see cref="UsageException"/> naming the option and what it accepts.</summary>
    public RunPlan Validate()
    {
        if (Jobs < 1) throw new UsageException("--jobs must be >= 1");
        if (Timeout is <= 0) throw new UsageException("--timeout must be > 0 seconds");
        if (Repeat < 1) throw new UsageException($"--repeat: {Repeat} must be >= 1");
        if (Rtol is not null && Atol is null) throw new UsageException("--rtol needs --atol");
        if (Sample is <= 0 or > 100) throw new UsageException("--sample must be a percentage in (0, 100]");
        if (!Enum.TryParse<DumpMode>(Dump, ignoreCase: true, out var dump) || !Enum.IsDefined(dump))
            throw new UsageException($"--dump: '{Dump}' is not none, failing or all");
        var options = new RunOptions
        {
            Dump = dump,
            Tolerance = Atol is { } atol ? new FixedTolerance(atol, Rtol ?? 0) : null,
            Jobs = Jobs,
            Timeout = Timeout is { } t ? TimeSpan.FromSeconds(t) : null,
            Repeat = Repeat,
            OutputDirectory = Resume ?? Out ?? Path.Combine("reports", $"run-{DateTime.Now:yyyyMMdd-HHmmss}"),
        };
        var filter = new CaseFilter
        {
            DataTypes = ParseDataTypes("--dtypes", DataTypes),
            Layouts = ParseLayouts("--layouts", Layouts),
            CrossDataTypes = ParseDataTypes("--cross-dtypes", CrossDataTypes),
            CrossLayouts = ParseLayouts("--cross-layouts", CrossLayouts),
            Fill = ParseFill(Fill),
            Seed = Seed,
            Match = ParseMatch(Match),
            Shard = ParseShard(Shard),
            Sample = Sample,
        };
        return new RunPlan(options, filter, CommonOptions.Split(Backends), CommonOptions.Split(Devices) ?? []);
    }

    private static List<DataType>? ParseDataTypes(string option, string? text) => CommonOptions.Split(text)?.Select(t =>
        Names.TryParseDataType(t, out var d) ? d : throw new UsageException($"{option}: '{t}' is not f32 or f16")).ToList();

    private static List<LayoutFamily>? ParseLayouts(string option, string? text) => CommonOptions.Split(text)?.Select(l =>
        Names.TryParseLayout(l, out var f) ? f : throw new UsageException($"{option}: '{l}' is not one of {Names.LayoutChoices}")).ToList();

    private static FillMode? ParseFill(string? text)
    {
        if (text is null) return null;
        if (!Names.TryParseFill(text, out var mode)) throw new UsageException($"--fill: '{text}' is not random or exact");
        return mode;
    }

    private static Regex? ParseMatch(string? pattern)
    {
        try
        {
            return pattern is null ? null : new Regex(pattern);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--match: {e.Message}");
        }
    }

    private static CaseSelection.Shard? ParseShard(string? text)
    {
        try
        {
            return text is null ? null : CaseSelection.Shard.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
