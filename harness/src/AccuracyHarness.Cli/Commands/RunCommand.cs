using System.CommandLine;
using System.Globalization;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.Cli.Isolation;
using AccuracyHarness.OpenCL.Manifests;
using AccuracyHarness.Reports;

namespace AccuracyHarness.Cli.Commands;

/// <summary>`run`: cases in, results out (DESIGN.md section 10).</summary>
public static class RunCommand
{
    private static readonly Option<string[]> Suites = new("--suite")
    {
        Description = "A suite file, a benchdnn shape or batch file, or a folder of them (repeatable).",
        HelpName = "PATH",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> Cases = new("--case")
    {
        Description = $"A case id (e.g. {CaseId.Example}; only ic, oc, in and k are required) or a benchdnn descriptor (repeatable).",
        HelpName = "TEXT",
    };

    private static readonly Option<string?> BackendList = new("--backends")
    {
        Description = "Comma-separated backends (default: every built-in backend). See the list below.",
        HelpName = "LIST",
    };

    private static readonly Option<string?> Devices = new("--devices")
    {
        Description = "Comma-separated devices for device backends (default: each backend's own default).",
        HelpName = "LIST",
    };

    private static readonly Option<string?> DataTypes = new("--dtypes")
    {
        Description = "Only cases of these data types: f32,f16.",
        HelpName = "LIST",
    };

    private static readonly Option<string?> Layouts = new("--layouts")
    {
        Description = $"Only cases of these layouts: {Names.LayoutChoices}.",
        HelpName = "LIST",
    };

    private static readonly Option<string?> FillOption = new("--fill")
    {
        Description = "Override every case's input fill: random (uniform reals, checked against error bounds) or exact (small integers, checked bit for bit).",
        HelpName = "random|exact",
    };

    private static readonly Option<ulong?> Seed = new("--seed")
    {
        Description = "Override every case's seed.",
        HelpName = "N",
    };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Output folder (default: reports/run-YYYYMMDD-HHMMSS).",
        HelpName = "DIR",
    };

    private static readonly Option<string> Dump = new("--dump")
    {
        Description = "Write .npy tensors to DIR/dumps/<case>/: none, failing (cases that did not pass) or all.",
        HelpName = "none|failing|all",
        DefaultValueFactory = _ => "none",
    };

    private static readonly Option<double?> Atol = new("--atol")
    {
        Description = "Replace the computed error bounds by |err| <= atol + rtol*|ref| (recorded in the results).",
        HelpName = "X",
    };

    private static readonly Option<double?> Rtol = new("--rtol")
    {
        Description = "Relative part of the fixed tolerance (with --atol; default 0).",
        HelpName = "X",
    };

    private static readonly Option<string?> CrossDataTypes = new("--cross-dtypes")
    {
        Description = "Run every case in each of these data types instead of its own: f32,f16.",
        HelpName = "LIST",
    };

    private static readonly Option<string?> CrossLayouts = new("--cross-layouts")
    {
        Description = "Run every case in each of these layouts instead of its own.",
        HelpName = "LIST",
    };

    private static readonly Option<string?> Match = new("--match")
    {
        Description = "Only cases whose id matches this regular expression (e.g. '_f16_' or 'g[2-9]_').",
        HelpName = "REGEX",
    };

    private static readonly Option<int> Jobs = new("--jobs")
    {
        Description = "Cases run at the same time (default 1; the reference already uses every core on large cases).",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<double?> Timeout = new("--timeout")
    {
        Description = "Seconds a backend may take on one case; past it the result is an error (with --isolate the worker is ended).",
        HelpName = "SECONDS",
    };

    private static readonly Option<string?> ShardOption = new("--shard")
    {
        Description = "Run shard i of n (a deterministic split by case id, so n machines share one suite), e.g. 2/4.",
        HelpName = "i/n",
    };

    private static readonly Option<double?> Sample = new("--sample")
    {
        Description = "Run a deterministic sample of this percentage of the cases (e.g. 5 for an Oclgrind subset).",
        HelpName = "PERCENT",
    };

    private static readonly Option<string?> Resume = new("--resume")
    {
        Description = "Continue an interrupted run in DIR: results already in DIR/results.jsonl are kept and not run again.",
        HelpName = "DIR",
    };

    private static readonly Option<bool> Isolate = new("--isolate")
    {
        Description = "Run backends in worker processes, restarted after a crash (the case is recorded as an error with the signal).",
    };

    private static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "Known divergences ('BACKEND@DEVICE CASE_PATTERN REASON' a line): exit 0 when only these fail, 1 on any new one.",
        HelpName = "FILE",
    };

    private static readonly Option<bool> Worker = new(WorkerProtocol.WorkerFlag) { Hidden = true };

    public static Command Create()
    {
        var command = new Command("run", """
            Run deconvolution cases through backends and write results.jsonl, results.csv, junit.xml, report.html and run.json.

            Examples:
              scripts/harness run --case ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias --backends reference --out /tmp/r
              scripts/harness run --suite cases/smoke --dump failing
              scripts/harness run --suite cases/benchdnn/shapes_1d --dtypes f32,f16 --layouts nchw,blocked16
              scripts/harness run --case 'g2mb1ic4ih5oc4oh9kh3sh2ph1' --fill exact
            """)
        {
            Suites, Cases, BackendList, Devices, DataTypes, Layouts, FillOption, Seed, Out, Dump, Atol, Rtol,
            CrossDataTypes, CrossLayouts, Match, Jobs, Timeout, ShardOption, Sample, Resume, Isolate, BaselineOption, Worker,
        };
        BackendOptions.AddTo(command);
        command.SetAction(result => Execute(result));
        return command;
    }

    private static int Execute(ParseResult parsed)
    {
        var started = DateTimeOffset.Now;
        var catalogue = BackendWiring.Catalogue(BackendOptions.Manifests(parsed));
        var backends = CreateBackends(parsed, catalogue);
        var options = new RunOptions
        {
            Dump = ParseDump(parsed.GetValue(Dump)!),
            Tolerance = parsed.GetValue(Atol) is { } atol
                ? new FixedTolerance(atol, parsed.GetValue(Rtol) ?? 0)
                : parsed.GetValue(Rtol) is not null ? throw new UsageException("--rtol needs --atol") : null,
            Jobs = parsed.GetValue(Jobs) is var jobs and >= 1 ? jobs : throw new UsageException("--jobs must be >= 1"),
            Timeout = parsed.GetValue(Timeout) is { } t ? t > 0 ? TimeSpan.FromSeconds(t) : throw new UsageException("--timeout must be > 0 seconds") : null,
        };
        if (parsed.GetValue(Worker)) return WorkerLoop(backends, options with { OutputDirectory = parsed.GetValue(Out) });

        var baseline = LoadBaseline(parsed.GetValue(BaselineOption));
        var cases = LoadCases(parsed);
        if (cases.Count == 0)
            throw new UsageException("no cases: give --case TEXT or --suite PATH (see --help), or widen the filters");

        var resume = parsed.GetValue(Resume);
        var outDir = resume ?? parsed.GetValue(Out) ?? Path.Combine("reports", $"run-{DateTime.Now:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(outDir);
        var jsonl = Path.Combine(outDir, "results.jsonl");
        var previous = resume is null ? [] : LoadPrevious(jsonl);
        if (resume is null) File.Delete(jsonl);
        options = options with { OutputDirectory = outDir, Done = previous.Select(r => r.Key).ToHashSet() };

        var wanted = cases.Count * backends.Count - previous.Count;
        IReadOnlyList<CaseResult> fresh;
        var profile = new RunProfile();
        using (var writer = new JsonLinesWriter(jsonl))
        {
            fresh = Progress.Run(Math.Max(0, wanted), progress =>
            {
                IReadOnlyList<IRunObserver> observers = [writer, progress];
                if (!parsed.GetValue(Isolate)) return new Runner(backends, options, observers, profile).Run(cases);
                using var pool = new WorkerPool(WorkerArguments(parsed), options.Timeout, backends);
                return Runner.RunAll(cases, (c, ct) => pool.RunCase(c, options.Done, ct), options.Jobs, observers, CancellationToken.None);
            });
        }
        var results = previous.Concat(fresh).ToList();
        var table = new ResultTable(results, new RunInfo(BackendWiring.Environment()) { Started = started, CommandLine = Invocation.Text() });
        profile.Time(RunProfile.Reporting, () =>
        {
            RunJson.Write(table.Info, outDir);
            Exporters.Export(table, outDir);
            return true;
        });

        var verdict = baseline.Judge(results);
        Summary.Print(table, verdict, outDir, Console.Out);
        return verdict.New.Count > 0 ? ExitCodes.Divergence : ExitCodes.Success;
    }

    private static List<IBackend> CreateBackends(ParseResult parsed, BackendCatalogue catalogue)
    {
        var names = SplitList(parsed.GetValue(BackendList)) ?? BackendWiring.Defaults(catalogue);
        foreach (var name in names)
        {
            if (!catalogue.Contains(name))
                throw new UsageException($"--backends: unknown backend '{name}' (known: {string.Join(", ", catalogue.Entries.Select(e => e.Name))})");
        }
        var settings = new BackendSettings { Devices = SplitList(parsed.GetValue(Devices)) ?? [], Options = BackendOptions.Settings(parsed) };
        try
        {
            return names.SelectMany(n => catalogue.Create(n, settings)).ToList();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>
    /// A worker of an isolated run: reads cases from stdin and answers with results on stdout
    /// (<see cref="WorkerProtocol"/>); everything else it prints goes to stderr.
    /// </summary>
    private static int WorkerLoop(IReadOnlyList<IBackend> backends, RunOptions options)
    {
        var output = Console.Out;
        Console.SetOut(Console.Error);
        while (Console.In.ReadLine() is { } line)
        {
            if (!line.StartsWith(WorkerProtocol.Case, StringComparison.Ordinal)) continue;
            var parts = line[WorkerProtocol.Case.Length..].Split('\t');
            var done = parts.Length > 2 ? parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : [];
            var runner = new Runner(backends, options with { Done = done, Jobs = 1 }, [], null, key =>
            {
                output.WriteLine(WorkerProtocol.Start + key);
                output.Flush();
            });
            foreach (var result in runner.RunCase(new SuiteCase(CaseId.Parse(parts[0]), parts.Length > 1 ? parts[1] : "")))
                output.WriteLine(WorkerProtocol.Result + ResultJson.ToLine(result));
            output.WriteLine(WorkerProtocol.Done);
            output.Flush();
        }
        return ExitCodes.Success;
    }

    /// <summary>The arguments a worker needs: this run's, without what selects cases or runs them in parallel.</summary>
    private static List<string> WorkerArguments(ParseResult parsed)
    {
        var args = new List<string>();
        foreach (var option in new Option[] { BackendList, Devices, Out, Dump, Atol, Rtol, BackendOptions.OrtThreads, BackendOptions.Rule, BackendOptions.DirectKernel })
        {
            var result = parsed.GetResult(option);
            if (result is null || result.Implicit) continue;
            foreach (var token in result.Tokens) args.AddRange([option.Name, token.Value]);
        }
        foreach (var manifest in parsed.GetValue(BackendOptions.Kernels) ?? []) args.AddRange([BackendOptions.Kernels.Name, Path.GetFullPath(manifest)]);
        foreach (var flag in new[] { BackendOptions.OrtF16Casts, BackendOptions.ZeroInsertion, BackendOptions.JitConstants })
        {
            if (parsed.GetValue(flag)) args.Add(flag.Name);
        }
        return args;
    }

    private static Core.Running.Baseline LoadBaseline(string? path)
    {
        if (path is null) return Core.Running.Baseline.Empty;
        try
        {
            return Core.Running.Baseline.Load(path);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>
    /// The results an interrupted run finished. A line cut short by the crash is the one result
    /// that was not finished: it is dropped from the file (so that new lines start clean) and run again.
    /// </summary>
    private static IReadOnlyList<CaseResult> LoadPrevious(string jsonl)
    {
        if (!File.Exists(jsonl)) throw new UsageException($"--resume: {jsonl} does not exist");
        var kept = new List<(string Line, CaseResult Result)>();
        foreach (var line in File.ReadLines(jsonl).Where(l => l.Trim().Length > 0))
        {
            try
            {
                kept.Add((line, ResultJson.FromLine(line)));
            }
            catch (System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"--resume: ignoring an unfinished line of {jsonl}");
            }
        }
        kept = kept.DistinctBy(k => k.Result.Key).ToList();
        File.WriteAllLines(jsonl, kept.Select(k => k.Line));
        return kept.Select(k => k.Result).ToList();
    }

    private static List<SuiteCase> LoadCases(ParseResult parsed)
    {
        var cases = new List<SuiteCase>();
        try
        {
            foreach (var suite in parsed.GetValue(Suites) ?? [])
            {
                cases.AddRange(SuiteLoading.Load(suite).Cases);
            }
            foreach (var text in parsed.GetValue(Cases) ?? [])
                cases.Add(new SuiteCase(SuiteFile.ParseCase(text, "--case"), "--case"));
        }
        catch (SuiteException e)
        {
            throw new UsageException(e.Message);
        }

        var dtypes = ParseDataTypes("--dtypes", parsed.GetValue(DataTypes));
        var layouts = ParseLayouts("--layouts", parsed.GetValue(Layouts));
        var crossDtypes = ParseDataTypes("--cross-dtypes", parsed.GetValue(CrossDataTypes));
        var crossLayouts = ParseLayouts("--cross-layouts", parsed.GetValue(CrossLayouts));
        FillMode? fill = parsed.GetValue(FillOption) is { } f
            ? Names.TryParseFill(f, out var mode) ? mode : throw new UsageException($"--fill: '{f}' is not random or exact")
            : null;
        var seed = parsed.GetValue(Seed);
        System.Text.RegularExpressions.Regex? match;
        try
        {
            match = parsed.GetValue(Match) is { } pattern ? new System.Text.RegularExpressions.Regex(pattern) : null;
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--match: {e.Message}");
        }
        CaseSelection.Shard? shard;
        try
        {
            shard = parsed.GetValue(ShardOption) is { } text ? CaseSelection.Shard.Parse(text) : null;
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        var sample = parsed.GetValue(Sample) is { } percent
            ? percent is > 0 and <= 100 ? percent : throw new UsageException("--sample must be a percentage in (0, 100]")
            : (double?)null;

        var expanded = cases
            .SelectMany(sc => (crossDtypes ?? [sc.Case.DataType]).Select(d => sc with { Case = sc.Case with { DataType = d } }))
            .SelectMany(sc => (crossLayouts ?? [sc.Case.Layout]).Select(l => sc with { Case = sc.Case with { Layout = l } }))
            .Select(sc => sc with { Case = sc.Case with { Fill = fill ?? sc.Case.Fill, Seed = seed ?? sc.Case.Seed } })
            .Where(sc => dtypes is null || dtypes.Contains(sc.Case.DataType))
            .Where(sc => layouts is null || layouts.Contains(sc.Case.Layout))
            .Where(sc => match is null || match.IsMatch(sc.Case.Id))
            .Where(sc => shard is null || shard.Includes(sc.Case.Id))
            .Where(sc => sample is null || CaseSelection.InSample(sc.Case.Id, sample.Value))
            .DistinctBy(sc => sc.Case)
            .ToList();

        foreach (var sc in expanded)
        {
            try
            {
                sc.Case.Resolve();
            }
            catch (InvalidCaseException e)
            {
                throw new UsageException($"{sc.Source}: {e.Message}");
            }
        }
        return expanded;
    }

    private static List<DataType>? ParseDataTypes(string option, string? text) =>
        SplitList(text)?.Select(t => Names.TryParseDataType(t, out var d) ? d : throw new UsageException($"{option}: '{t}' is not f32 or f16")).ToList();

    private static List<LayoutFamily>? ParseLayouts(string option, string? text) =>
        SplitList(text)?.Select(l => Names.TryParseLayout(l, out var f) ? f : throw new UsageException($"{option}: '{l}' is not one of {Names.LayoutChoices}")).ToList();

    private static DumpMode ParseDump(string text) => text.ToLowerInvariant() switch
    {
        "none" => DumpMode.None,
        "failing" => DumpMode.Failing,
        "all" => DumpMode.All,
        _ => throw new UsageException($"--dump: '{text}' is not none, failing or all"),
    };

    private static List<string>? SplitList(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
