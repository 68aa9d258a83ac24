using System.CommandLine;
using System.Globalization;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;
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
        Description = "Run every case in each of these data types instead of its own: f32,f16.",
        HelpName = "LIST",
    };

    private static readonly Option<string?> Layouts = new("--layouts")
    {
        Description = $"Run every case in each of these layouts instead of its own: {Names.LayoutChoices}.",
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

    private static readonly Option<bool> OrtF16Casts = new("--ort-f16-casts")
    {
        Description = "Run f16 cases on ONNX Runtime in f32 between Cast nodes (it has no CPU f16 ConvTranspose; otherwise n/a).",
    };

    private static readonly Option<int?> OrtThreads = new("--ort-threads")
    {
        Description = "ONNX Runtime intra-op threads per session (default 1).",
        HelpName = "N",
    };

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
            Suites, Cases, BackendList, Devices, DataTypes, Layouts, FillOption, Seed, Out, Dump, Atol, Rtol, OrtF16Casts, OrtThreads,
        };
        command.SetAction(result => Execute(result));
        return command;
    }

    private static int Execute(ParseResult parsed)
    {
        var started = DateTimeOffset.Now;
        var catalogue = BackendWiring.Catalogue();
        var cases = LoadCases(parsed);
        if (cases.Count == 0)
            throw new UsageException("no cases: give --case TEXT or --suite PATH (see --help)");

        var names = SplitList(parsed.GetValue(BackendList)) ?? BackendWiring.Defaults(catalogue);
        foreach (var name in names)
        {
            if (!catalogue.Contains(name))
                throw new UsageException($"--backends: unknown backend '{name}' (known: {string.Join(", ", catalogue.Entries.Select(e => e.Name))})");
        }
        var settings = new BackendSettings { Devices = SplitList(parsed.GetValue(Devices)) ?? [], Options = BackendOptions(parsed) };
        List<IBackend> backends;
        try
        {
            backends = names.SelectMany(n => catalogue.Create(n, settings)).ToList();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        var outDir = parsed.GetValue(Out) ?? Path.Combine("reports", $"run-{DateTime.Now:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(outDir);
        var jsonl = Path.Combine(outDir, "results.jsonl");
        File.Delete(jsonl);

        var options = new RunOptions
        {
            Dump = ParseDump(parsed.GetValue(Dump)!),
            OutputDirectory = outDir,
            Tolerance = parsed.GetValue(Atol) is { } atol
                ? new FixedTolerance(atol, parsed.GetValue(Rtol) ?? 0)
                : parsed.GetValue(Rtol) is not null ? throw new UsageException("--rtol needs --atol") : null,
        };

        IReadOnlyList<CaseResult> results;
        using (var writer = new JsonLinesWriter(jsonl))
        {
            var progress = new ProgressLines(cases.Count * backends.Count, Console.Error);
            results = new Runner(backends, options, [writer, progress]).Run(cases);
        }
        var table = new ResultTable(results, new RunInfo(BackendWiring.Environment()) { Started = started, CommandLine = Invocation.Text() });
        RunJson.Write(table.Info, outDir);
        Exporters.Export(table, outDir);

        Summary.Print(table, outDir, Console.Out);
        return results.Any(r => r.Status is Status.Fail or Status.Error) ? ExitCodes.Divergence : ExitCodes.Success;
    }

    /// <summary>The command line's backend options under the names the backends read.</summary>
    private static Dictionary<string, string> BackendOptions(ParseResult parsed)
    {
        var options = new Dictionary<string, string>();
        if (parsed.GetValue(OrtF16Casts)) options["ort-f16-casts"] = "true";
        if (parsed.GetValue(OrtThreads) is { } threads) options["ort-threads"] = threads.ToString(CultureInfo.InvariantCulture);
        return options;
    }

    private static List<SuiteCase> LoadCases(ParseResult parsed)
    {
        var cases = new List<SuiteCase>();
        try
        {
            foreach (var suite in parsed.GetValue(Suites) ?? [])
            {
                var loaded = SuiteFile.Load(suite);
                foreach (var skipped in loaded.Skipped)
                    Console.Error.WriteLine($"skipped {skipped.Source}: {skipped.Text}: {skipped.Reason}");
                cases.AddRange(loaded.Cases);
            }
            foreach (var text in parsed.GetValue(Cases) ?? [])
                cases.Add(new SuiteCase(SuiteFile.ParseCase(text, "--case"), "--case"));
        }
        catch (SuiteException e)
        {
            throw new UsageException(e.Message);
        }

        var dtypes = SplitList(parsed.GetValue(DataTypes))?.Select(t => Names.TryParseDataType(t, out var d) ? d : throw new UsageException($"--dtypes: '{t}' is not f32 or f16")).ToList();
        var layouts = SplitList(parsed.GetValue(Layouts))?.Select(l => Names.TryParseLayout(l, out var f) ? f : throw new UsageException($"--layouts: '{l}' is not one of {Names.LayoutChoices}")).ToList();
        FillMode? fill = parsed.GetValue(FillOption) is { } f
            ? Names.TryParseFill(f, out var mode) ? mode : throw new UsageException($"--fill: '{f}' is not random or exact")
            : null;
        var seed = parsed.GetValue(Seed);

        var expanded = cases
            .SelectMany(sc => (dtypes ?? [sc.Case.DataType]).Select(d => sc with { Case = sc.Case with { DataType = d } }))
            .SelectMany(sc => (layouts ?? [sc.Case.Layout]).Select(l => sc with { Case = sc.Case with { Layout = l } }))
            .Select(sc => sc with { Case = sc.Case with { Fill = fill ?? sc.Case.Fill, Seed = seed ?? sc.Case.Seed } })
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
