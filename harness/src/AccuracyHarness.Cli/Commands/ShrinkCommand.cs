using System.CommandLine;
using System.Globalization;
using AccuracyHarness.Cli.Options;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Cli.Commands;

/// <summary>
/// `shrink`: minimises a case that fails on one backend and device, keeping the failure the
/// same (status and named fault), prints the minimal repro and appends it to a regressions suite.
/// </summary>
public static class ShrinkCommand
{
    private static readonly Option<string> CaseOption = new("--case")
    {
        Description = "The failing case: a case id or a benchdnn descriptor.",
        HelpName = "ID",
        Required = true,
    };

    private static readonly Option<string> BackendOption = new("--backend")
    {
        Description = "The backend it fails on (one name of `run --backends`).",
        HelpName = "NAME",
        Required = true,
    };

    private static readonly Option<string?> DeviceOption = new("--device")
    {
        Description = "The device it fails on (default: the backend's default device).",
        HelpName = "NAME",
    };

    private static readonly Option<string?> OutSuite = new("--out-suite")
    {
        Description = "The regressions suite the minimal case is appended to (default: cases/regressions/shrunk of this checkout).",
        HelpName = "FILE",
    };

    private static readonly Option<bool> NoAppend = new("--no-append")
    {
        Description = "Print the minimal case without appending it to the regressions suite.",
    };

    private static readonly Option<int> MaxTries = TypedOption.Create("--max-tries",
        "Most candidate cases to run before stopping with the smallest failing one so far.", "N", ValueParsers.PositiveInteger,
        Shrinker.DefaultMaxTries);

    private static readonly Option<int> Repeat = CommonOptions.Repeat(
        "Run the case (and each candidate) N times; a failure whose verdict changes between runs is refused as unstable.", 1);

    public static Command Create()
    {
        var command = new Command("shrink", """
            Shrink a failing case: try smaller variants (fewer channels and groups, smaller sizes,
            unit strides and dilations, no pads, no bias, plain layout, f32), keep each one that still
            fails on the backend with the same diagnosis, and stop when none does. Prints every step,
            the minimal case and its repro command, and appends it to the regressions suite.
            With --repeat N, every run is repeated N times and a failure whose verdict changes between them is refused.
            Exit 0 when shrunk (or already minimal), 1 when the case does not fail (or fails unstably), 2 on usage errors.

            Example:
              scripts/harness shrink --case mb1_ic2_oc2_in5x5_k3x3_d3x2_op2x1 --backend onnxruntime
              scripts/harness shrink --kernel my/manifest.json --backend ext:my-deconv --case ic8_oc8_in9x9_k3x3_s2x2_bias
            """)
        {
            CaseOption, BackendOption, DeviceOption, OutSuite, NoAppend, MaxTries, Repeat,
        };
        BackendOptions.AddTo(command);
        command.SetAction(Execute);
        return command;
    }

    private static int Execute(ParseResult parsed)
    {
        var maxTries = parsed.GetValue(MaxTries);
        var repeat = parsed.GetValue(Repeat);
        var start = ParseCase(parsed.GetValue(CaseOption)!);
        var device = parsed.GetValue(DeviceOption);
        var gemm = BackendWiring.ReferenceGemm(1);
        var backend = BackendWiring.Create(parsed, BackendOption.Name, [parsed.GetValue(BackendOption)!],
            device is null ? [] : [device], gemm).Single();
        var pipeline = new RunPipeline([backend], new RunOptions { Repeat = repeat, Gemm = gemm });
        CaseResult Run(DeconvCase c) => pipeline.Run([new SuiteCase(c, "shrink")], []).Single();

        var first = Run(start);
        var where = $"{backend.Name}@{backend.Device}";
        if (first.Status is Status.Pass or Status.NotApplicable)
        {
            Console.WriteLine($"{start.Id} does not fail on {where} " +
                $"(status {StatusNames.Of(first.Status)}{(first.Message.Length > 0 ? ": " + first.Message : "")}): nothing to shrink");
            return ExitCodes.Divergence;
        }

        if (first.Status == Status.Unstable)
        {
            Console.WriteLine($"{start.Id} is unstable on {where}: {first.Diagnosis.Text}. Refusing to shrink: a smaller case " +
                "cannot be checked to fail the same way when one case does not; fix the instability first " +
                "(Oclgrind shows invalid accesses and races).");
            return ExitCodes.Divergence;
        }

        var verdict = Verdict.Of(first);
        Console.WriteLine($"{start.Id} fails on {where}: {Describe(first)} ({Elements(start)} elements)");
        var last = first;
        var step = 0;
        var outcome = Shrinker.Shrink(
            start,
            c =>
            {
                var result = Run(c);
                if (Verdict.Of(result) != verdict) return false;
                last = result;
                return true;
            },
            maxTries,
            c => Console.WriteLine($"step {++step}: {c.Id} ({Elements(c)} elements)"));

        Console.WriteLine(outcome.Exhausted
            ? $"stopped after {outcome.Tried} candidates (--max-tries); the smallest failing case so far:"
            : $"minimal after {outcome.Steps.Count} step(s), {outcome.Tried} candidate(s) tried:");
        Console.WriteLine($"  case:      {outcome.Minimal.Id}");
        Console.WriteLine($"  elements:  {Elements(start)} -> {Elements(outcome.Minimal)}");
        Console.WriteLine($"  diagnosis: {Describe(last)}");
        Console.WriteLine($"  repro:     {ReproLine.Of(last.Subject)}");

        if (!parsed.GetValue(NoAppend))
        {
            var suite = parsed.GetValue(OutSuite) ?? Path.Combine(ProjectPaths.Cases, "regressions", "shrunk");
            Append(suite, outcome, where, Describe(last));
            Console.WriteLine($"appended to {suite}");
        }
        return ExitCodes.Success;
    }

    private static DeconvCase ParseCase(string text)
    {
        try
        {
            var c = SuiteFile.ParseCase(text, "--case");
            c.Resolve();
            return c;
        }
        catch (Exception e) when (e is SuiteException or InvalidCaseException)
        {
            throw new UsageException($"--case: {e.Message}");
        }
    }

    private static string Describe(CaseResult result) => result.Status == Status.Fail
        ? result.Diagnosis.Text.Length > 0 ? result.Diagnosis.Text : result.Message
        : $"{StatusNames.Of(result.Status)}: {result.Message.Split('\n')[0]}";

    private static string Elements(DeconvCase c) => ShrinkOutcome.Elements(c).ToString(CultureInfo.InvariantCulture);

    /// <summary>A dated comment saying where and how it failed, then the case: the regressions suite stays a runnable suite.</summary>
    private static void Append(string suite, ShrinkOutcome outcome, string where, string diagnosis)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(suite))!;
        Directory.CreateDirectory(folder);
        var header = File.Exists(suite)
            ? ""
            : "# Minimal failing cases written by `scripts/harness shrink`: a comment saying when, where and how\n" +
              "# each failed, then the case id. Run them with: scripts/harness run --suite cases/regressions\n";
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        File.AppendAllText(suite,
            $"{header}\n# {date} {where}: {diagnosis.Split('\n')[0]} (shrunk from {outcome.Original.Id})\n{outcome.Minimal.Id}\n");
    }
}
