using System.CommandLine;
using AccuracyHarness.Cli.Isolation;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Cli.Commands;

/// <summary>The options of `run`, and the one place that reads them into <see cref="RunInputs"/>.</summary>
public static class RunArguments
{
    public static readonly Option<string[]> Suites =
        CommonOptions.Suites("A suite file, a benchdnn shape or batch file, or a folder of them (repeatable).");

    public static readonly Option<string[]> Cases = new("--case")
    {
        Description = $"A case id (e.g. {CaseId.Example}; only ic, oc, in and k are required) or a benchdnn descriptor (repeatable).",
        HelpName = "TEXT",
    };

    public static readonly Option<string?> BackendList =
        CommonOptions.Backends("Comma-separated backends (default: every built-in backend). See the list below.");

    public static readonly Option<string?> Devices = CommonOptions.Devices();

    public static readonly Option<string?> DataTypes = new("--dtypes")
    {
        Description = "Only cases of these data types: f32,f16.",
        HelpName = "LIST",
    };

    public static readonly Option<string?> Layouts = new("--layouts")
    {
        Description = $"Only cases of these layouts: {Names.LayoutChoices}.",
        HelpName = "LIST",
    };

    public static readonly Option<string?> FillOption = new("--fill")
    {
        Description = "Override every case's input fill: random (uniform reals, checked against error bounds) " +
            "or exact (small integers, checked bit for bit).",
        HelpName = "random|exact",
    };

    public static readonly Option<ulong?> Seed = new("--seed")
    {
        Description = "Override every case's seed.",
        HelpName = "N",
    };

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Output folder (default: reports/run-YYYYMMDD-HHMMSS).",
        HelpName = "DIR",
    };

    public static readonly Option<string> Dump = new("--dump")
    {
        Description = "Write .npy tensors to DIR/dumps/<case>/: none, failing (cases that did not pass) or all.",
        HelpName = "none|failing|all",
        DefaultValueFactory = _ => "none",
    };

    public static readonly Option<double?> Atol = new("--atol")
    {
        Description = "Replace the computed error bounds by |err| <= atol + rtol*|ref| (recorded in the results).",
        HelpName = "X",
    };

    public static readonly Option<double?> Rtol = new("--rtol")
    {
        Description = "Relative part of the fixed tolerance (with --atol; default 0).",
        HelpName = "X",
    };

    public static readonly Option<string?> CrossDataTypes = new("--cross-dtypes")
    {
        Description = "Run every case in each of these data types instead of its own: f32,f16.",
        HelpName = "LIST",
    };

    public static readonly Option<string?> CrossLayouts = new("--cross-layouts")
    {
        Description = "Run every case in each of these layouts instead of its own.",
        HelpName = "LIST",
    };

    public static readonly Option<string?> Match = new("--match")
    {
        Description = "Only cases whose id matches this regular expression (e.g. '_f16_' or 'g[2-9]_').",
        HelpName = "REGEX",
    };

    public static readonly Option<int> Jobs =
        CommonOptions.Jobs("Cases run at the same time (default 1; the reference already uses every core on large cases).");

    public static readonly Option<double?> Timeout = new("--timeout")
    {
        Description = "Seconds a backend may take on one case; past it the result is an error (with --isolate the worker is ended).",
        HelpName = "SECONDS",
    };

    public static readonly Option<int> Repeat = new("--repeat")
    {
        Description = "Run each case N times; a result whose status or diagnosis differs between the runs is 'unstable' (exit 1).",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<string?> ShardOption = new("--shard")
    {
        Description = "Run shard i of n (a deterministic split by case id, so n machines share one suite), e.g. 2/4.",
        HelpName = "i/n",
    };

    public static readonly Option<double?> Sample = new("--sample")
    {
        Description = "Run a deterministic sample of this percentage of the cases (e.g. 5 for an Oclgrind subset).",
        HelpName = "PERCENT",
    };

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

    public static RunInputs Read(ParseResult parsed) => new()
    {
        Suites = parsed.GetValue(Suites) ?? [],
        Cases = parsed.GetValue(Cases) ?? [],
        Backends = parsed.GetValue(BackendList),
        Devices = parsed.GetValue(Devices),
        DataTypes = parsed.GetValue(DataTypes),
        Layouts = parsed.GetValue(Layouts),
        Fill = parsed.GetValue(FillOption),
        Seed = parsed.GetValue(Seed),
        Out = parsed.GetValue(Out),
        Dump = parsed.GetValue(Dump)!,
        Atol = parsed.GetValue(Atol),
        Rtol = parsed.GetValue(Rtol),
        CrossDataTypes = parsed.GetValue(CrossDataTypes),
        CrossLayouts = parsed.GetValue(CrossLayouts),
        Match = parsed.GetValue(Match),
        Jobs = parsed.GetValue(Jobs),
        Timeout = parsed.GetValue(Timeout),
        Repeat = parsed.GetValue(Repeat),
        Shard = parsed.GetValue(ShardOption),
        Sample = parsed.GetValue(Sample),
        Resume = parsed.GetValue(Resume),
        Isolate = parsed.GetValue(Isolate),
        Baseline = parsed.GetValue(BaselineOption),
    };

    /// <summary>The arguments a worker needs: this run's, without what selects cases or runs them in parallel.</summary>
    public static List<string> ForWorker(ParseResult parsed)
    {
        var args = new List<string>();
        foreach (var option in new Option[] { BackendList, Devices, Out, Dump, Atol, Rtol })
        {
            var result = parsed.GetResult(option);
            if (result is null || result.Implicit) continue;
            foreach (var token in result.Tokens) args.AddRange([option.Name, token.Value]);
        }
        args.AddRange(BackendOptions.Arguments(parsed));
        return args;
    }
}
