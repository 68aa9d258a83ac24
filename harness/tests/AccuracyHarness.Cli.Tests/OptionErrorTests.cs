using System.Text.RegularExpressions;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Cli.Tests;

/// <summary>
/// Option errors of every command name the option, the value and what is allowed, in words (never
/// a .NET type); inputs that would lose cases silently are refused naming the line; help lists the backends.
/// </summary>
public class OptionErrorTests
{
    private const string Case = "ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias";

    [TestCase("run --sample x", "error: --sample: 'x' is not a percentage P with 0 < P <= 100, written 10, 10% or 10.5% (see --help)")]
    [TestCase("run --jobs abc", "error: --jobs: 'abc' is not a whole number >= 1 (see --help)")]
    [TestCase("run --timeout soon", "error: --timeout: 'soon' is not a duration in seconds > 0 (e.g. 30, 2.5 or 30s) (see --help)")]
    [TestCase("run --seed x", "error: --seed: 'x' is not a whole number from 0 to 18446744073709551615 (see --help)")]
    [TestCase("run --atol tiny", "error: --atol: 'tiny' is not a number >= 0 (e.g. 1e-5) (see --help)")]
    [TestCase("run --dump some", "error: --dump: 'some' is not one of none, failing, all (see --help)")]
    [TestCase("run --fill zeros", "error: --fill: 'zeros' is not one of random, exact (see --help)")]
    [TestCase("run --cross-dtypes f32,bf8", "error: --cross-dtypes: 'f32,bf8' holds 'bf8', which is not one of f32, f16, bf16, u8s8u8, "
        + "u8s8s8, u8s8s32, u8s8f32, s8s8u8, s8s8s8, s8s8s32, s8s8f32, bf16bf16f32 (see --help)")]
    [TestCase("run --shard 5/4", "error: --shard: '5/4' is not a shard i/n with 1 <= i <= n (e.g. 2/4) (see --help)")]
    [TestCase("shrink --case x --backend reference --max-tries 0", "error: --max-tries: '0' is not a whole number >= 1 (see --help)")]
    [TestCase("shrink --case x --backend reference --repeat two", "error: --repeat: 'two' is not a whole number >= 1 (see --help)")]
    [TestCase("benchmark --repeat 0", "error: --repeat: '0' is not a whole number >= 1 (see --help)")]
    [TestCase("mutants --jobs -2", "error: --jobs: '-2' is not a whole number >= 1 (see --help)")]
    public void A_bad_value_names_the_option_the_value_and_what_is_allowed(string commandLine, string message)
    {
        var outcome = HarnessProcess.Run(commandLine.Split(' '));
        Assert.That((outcome.ExitCode, outcome.Stderr.Trim()), Is.EqualTo((2, message)));
        Assert.That(outcome.Stderr, Does.Not.Contain("System."));
    }

    [Test]
    public void Sample_in_percent_selects_what_the_bare_number_selects()
    {
        IEnumerable<string> Selected(string sample)
        {
            var dir = HarnessProcess.TempDir();
            var run = HarnessProcess.Run("run", "--suite", "cases/smoke", "--backends", "reference", "--sample", sample, "--out", dir);
            Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
            return ResultJson.ReadFile(Path.Combine(dir, "results.jsonl")).Select(r => r.CaseId).Order(StringComparer.Ordinal);
        }

        var bare = Selected("10").ToList();
        Assert.That(bare, Is.Not.Empty);
        Assert.That(Selected("10%"), Is.EqualTo(bare));
    }

    [TestCase("--reset\n--mZ=1\n--batch=shapes_ci\n", "error: batch:2: --mZ: not a benchdnn deconvolution option (known: --reset ")]
    [TestCase("--reset\n--dir=FWD_B\n--batch=shapeZ\n", "error: batch:3: --batch: no file 'shapeZ' beside batch (there: ")]
    public void A_batch_file_that_would_lose_cases_silently_is_refused_naming_the_line(string text, string message)
    {
        var dir = HarnessProcess.TempDir();
        File.Copy(Path.Combine(Core.Running.ProjectPaths.Cases, "benchdnn", "shapes_ci"), Path.Combine(dir, "shapes_ci"));
        File.WriteAllText(Path.Combine(dir, "batch"), text);
        var outcome = HarnessProcess.Run("run", "--suite", Path.Combine(dir, "batch"), "--backends", "reference", "--out", dir);
        Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Stderr);
        Assert.That(outcome.Stderr, Does.StartWith(message));
        Assert.That(outcome.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [TestCase("run")]
    [TestCase("benchmark")]
    [TestCase("shrink")]
    public void Help_lists_the_backends_with_their_descriptions_within_100_columns(string command)
    {
        var help = HarnessProcess.Run(command, "--help");
        Assert.That(help.ExitCode, Is.Zero, help.Stderr);
        var lines = help.Stdout.Split('\n');
        var section = lines.SkipWhile(l => l != "Backends:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        var catalogue = BackendWiring.Catalogue().Entries.ToList();
        Assert.That(catalogue, Is.Not.Empty);
        foreach (var entry in catalogue)
        {
            var first = entry.Description.Split(' ')[0];
            Assert.That(section, Has.Some.Match($"^  {Regex.Escape(entry.Name)} +{Regex.Escape(first)}"), entry.Name);
        }
        Assert.That(lines.Where(l => l.Length > 100), Is.Empty);
    }

    [Test]
    public void Help_of_a_command_without_backends_has_no_backend_list() =>
        Assert.That(HarnessProcess.Run("list", "--help").Stdout, Does.Not.Contain("Backends:"));

    [Test]
    public void A_valid_run_still_reads_every_typed_option()
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--case", Case, "--backends", "reference", "--dtypes", "f32", "--layouts", "nchw",
            "--fill", "exact", "--seed", "3", "--dump", "failing", "--atol", "1e-5", "--rtol", "0", "--jobs", "2", "--timeout", "60",
            "--repeat", "2", "--shard", "1/1", "--sample", "100%", "--match", "ic4", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var result = ResultJson.ReadFile(Path.Combine(dir, "results.jsonl")).Single();
        Assert.That(result.Subject.Case.Seed, Is.EqualTo(3UL));
        Assert.That(result.Subject.Case.Fill, Is.EqualTo(Core.Cases.FillMode.Exact));
    }
}
