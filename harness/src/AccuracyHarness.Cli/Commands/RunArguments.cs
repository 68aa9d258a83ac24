using System.CommandLine;
using System.Text.RegularExpressions;
using AccuracyHarness.Cli.Isolation;
using AccuracyHarness.Cli.Options;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Commands;

/// <summary>The options of `run`, each typed at its declaration, and the one place that reads them into <see cref="RunInputs"/>.</summary>
public static class RunArguments
{
    public static readonly Option<string[]> Suites =
        CommonOptions.Suites("A suite file, a benchdnn shape or batch file, or a folder of them (repeatable).");

    public static readonly Option<string[]> Cases = new("--case")
    {
        Description = $"A case id (e.g. {CaseId.Example}; only ic, oc, in and k are required) or a benchdnn descriptor (repeatable).",
        HelpName = "TEXT",
    };

    public static readonly Option<IReadOnlyList<string>?> BackendList =
        CommonOptions.Backends("Comma-separated backends (default: every built-in backend); the backends are listed below.");

    public static readonly Option<IReadOnlyList<string>> Devices = CommonOptions.Devices();

    public static readonly Option<IReadOnlyList<CaseTypes>?> DataTypes = TypedOption.Create<IReadOnlyList<CaseTypes>?>("--dtypes",
        "Only cases of these data types: f32,f16,bf16,u8s8u8 (any of " + CaseTypes.Choices + ").", "LIST", ValueParsers.ListOf(ValueParsers.DataTypes));

    public static readonly Option<IReadOnlyList<LayoutFamily>?> Layouts = TypedOption.Create<IReadOnlyList<LayoutFamily>?>("--layouts",
        $"Only cases of these layouts: {Names.LayoutChoices}.", "LIST", ValueParsers.ListOf(ValueParsers.Layout));

    public static readonly Option<FillMode?> FillOption = TypedOption.Create<FillMode?>("--fill",
        "Override every case's input fill: random (uniform reals, checked against error bounds) " +
        "or exact (small integers, checked bit for bit).", "random|exact", t => ValueParsers.Fill(t));

    public static readonly Option<ulong?> Seed =
        TypedOption.Create<ulong?>("--seed", "Override every case's seed.", "N", t => ValueParsers.UnsignedInteger(t));

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Output folder (default: reports/run-YYYYMMDD-HHMMSS).",
        HelpName = "DIR",
    };

    public static readonly Option<DumpMode> Dump = TypedOption.Create("--dump",
        "Write .npy tensors to DIR/dumps/<case>/: none, failing (cases that did not pass) or all.", "none|failing|all",
        ValueParsers.OneOf<DumpMode>(), DumpMode.None);

    public static readonly Option<double?> Atol = TypedOption.Create<double?>("--atol",
        "Replace the computed error bounds by |err| <= atol + rtol*|ref| (recorded in the results).", "X",
        t => ValueParsers.NonNegativeNumber(t));

    public static readonly Option<double?> Rtol = TypedOption.Create<double?>("--rtol",
        "Relative part of the fixed tolerance (with --atol; default 0).", "X", t => ValueParsers.NonNegativeNumber(t));

    public static readonly Option<IReadOnlyList<CaseTypes>?> CrossDataTypes = TypedOption.Create<IReadOnlyList<CaseTypes>?>(
        "--cross-dtypes", "Run every case in each of these data types instead of its own: f32,f16,bf16,u8s8u8 (zero points and scales a type does not take are dropped).", "LIST",
        ValueParsers.ListOf(ValueParsers.DataTypes));

    public static readonly Option<IReadOnlyList<LayoutFamily>?> CrossLayouts = TypedOption.Create<IReadOnlyList<LayoutFamily>?>(
        "--cross-layouts", "Run every case in each of these layouts instead of its own.", "LIST", ValueParsers.ListOf(ValueParsers.Layout));

    public static readonly Option<Regex?> Match = TypedOption.Create<Regex?>("--match",
        "Only cases whose id matches this regular expression (e.g. '_f16_' or 'g[2-9]_').", "REGEX", ValueParsers.Pattern);

    public static readonly Option<int> Jobs =
        CommonOptions.Jobs("Cases run at the same time (default 1; the reference already uses every core on large cases).");

    public static readonly Option<TimeSpan?> Timeout = TypedOption.Create<TimeSpan?>("--timeout",
        "Seconds a backend may take on one case; past it the result is an error (with --isolate the worker is ended).", "SECONDS",
        t => ValueParsers.Seconds(t));

    public static readonly Option<int> Repeat = CommonOptions.Repeat(
        "Run each case N times; a result whose status or diagnosis differs between the runs is 'unstable' (exit 1).", 1);

    public static readonly Option<CaseSelection.Shard?> ShardOption = TypedOption.Create<CaseSelection.Shard?>("--shard",
        "Run shard i of n (a deterministic split by case id, so n machines share one suite), e.g. 2/4.", "i/n", ValueParsers.Shard);

    public static readonly Option<double?> Sample = TypedOption.Create<double?>("--sample",
        "Run a deterministic sample of P% of the cases, 0 < P <= 100 (e.g. 5 or 5% for an Oclgrind subset).", "PERCENT",
        t => ValueParsers.Percentage(t));

    public static readonly Option<string?> Resume = new("--resume")
    {
        Description = "Continue an interrupted run in DIR: results already in DIR/results.jsonl are kept and not run again.",
        HelpName = "DIR",
    };

    public static readonly Option<bool> Isolate = new("--isolate")
    {
        Description = "Run backends in worker processes, restarted after a crash (the case is recorded as an error with the signal).",
    };

    public static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "Known divergences ('BACKEND@DEVICE CASE_PATTERN REASON' a line): exit 0 when only these fail, 1 on any new one.",
        HelpName = "FILE",
    };

    public static readonly Option<bool> Worker = new(WorkerProtocol.WorkerFlag) { Hidden = true };

    public static IReadOnlyList<Option> All =>
    [
        Suites, Cases, BackendList, Devices, DataTypes, Layouts, FillOption, Seed, Out, Dump, Atol, Rtol,
        CrossDataTypes, CrossLayouts, Match, Jobs, Timeout, Repeat, ShardOption, Sample, Resume, Isolate, BaselineOption, Worker,
    ];

    /// <summary>The one reading of `run`'s options: each value is typed at its option; rules between options are checked here.</summary>
    public static RunInputs Read(ParseResult parsed)
    {
        var atol = parsed.GetValue(Atol);
        var rtol = parsed.GetValue(Rtol);
        if (rtol is not null && atol is null) throw new UsageException("--rtol needs --atol");
        var resume = parsed.GetValue(Resume);
        var output = parsed.GetValue(Out);
        return new RunInputs(
            Suites: parsed.GetValue(Suites) ?? [],
            Cases: parsed.GetValue(Cases) ?? [],
            Backends: parsed.GetValue(BackendList),
            Devices: parsed.GetValue(Devices) ?? [],
            Options: new RunOptions
            {
                Dump = parsed.GetValue(Dump),
                Tolerance = atol is { } a ? new FixedTolerance(a, rtol ?? 0) : null,
                Jobs = parsed.GetValue(Jobs),
                Timeout = parsed.GetValue(Timeout),
                Repeat = parsed.GetValue(Repeat),
                OutputDirectory = resume ?? output ?? Path.Combine("reports", $"run-{DateTime.Now:yyyyMMdd-HHmmss}"),
            },
            Filter: new CaseFilter
            {
                DataTypes = parsed.GetValue(DataTypes),
                Layouts = parsed.GetValue(Layouts),
                CrossDataTypes = parsed.GetValue(CrossDataTypes),
                CrossLayouts = parsed.GetValue(CrossLayouts),
                Fill = parsed.GetValue(FillOption),
                Seed = parsed.GetValue(Seed),
                Match = parsed.GetValue(Match),
                Shard = parsed.GetValue(ShardOption),
                Sample = parsed.GetValue(Sample),
            },
            Out: output,
            Resume: resume,
            Isolate: parsed.GetValue(Isolate),
            Baseline: parsed.GetValue(BaselineOption),
            Worker: parsed.GetValue(Worker));
    }

    /// <summary>The arguments a worker needs: this run's, without what selects cases or runs them in parallel.</summary>
    public static List<string> ForWorker(ParseResult parsed)
    {
        var args = new List<string>();
        foreach (var option in new Option[] { BackendList, Devices, Out, Dump, Atol, Rtol, Jobs })
        {
            var result = parsed.GetResult(option);
            if (result is null || result.Implicit) continue;
            foreach (var token in result.Tokens) args.AddRange([option.Name, token.Value]);
        }
        args.AddRange(BackendOptions.Arguments(parsed));
        return args;
    }
}
