using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Cli.Tests;

public class ShrinkCommandTests
{
    /// <summary>A 2-D case whose output padding reaches past the stride: ONNX Runtime 1.23 gets it wrong (a known defect).</summary>
    private const string OrtDefect = "mb1_ic2_oc2_in5x5_k3x3_s1x1_d3x2_op2x1";

    /// <summary>The value after "LABEL:" on the line that starts with it (the command's summary lines).</summary>
    public static string Line(string stdout, string label) =>
        stdout.Split('\n').Select(l => l.Trim())
            .Single(l => l.StartsWith(label + ":", StringComparison.Ordinal))[(label.Length + 1)..].Trim();

    [Test]
    public void Shrinks_a_failing_case_keeps_its_diagnosis_and_appends_a_runnable_regression()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "regressions", "shrunk");
        var run = HarnessProcess.Run("shrink", "--case", OrtDefect, "--backend", "onnxruntime", "--out-suite", suite);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);

        var minimal = CaseId.Parse(Line(run.Stdout, "case"));
        Assert.That(ShrinkOutcome.Elements(minimal), Is.LessThan(ShrinkOutcome.Elements(CaseId.Parse(OrtDefect))));
        Assert.That(Line(run.Stdout, "diagnosis"), Does.StartWith("known ONNX Runtime defect"));
        Assert.That(run.Stdout, Does.Contain("step 1: "));
        Assert.That(Line(run.Stdout, "repro"), Is.EqualTo($"scripts/harness run --case {minimal.Id} --backends onnxruntime --devices cpu"));

        var text = File.ReadAllText(suite);
        Assert.That(text, Does.Match(@"# \d{4}-\d\d-\d\d onnxruntime@cpu: known ONNX Runtime defect.*\(shrunk from mb1_ic2_oc2_g1_in5x5"));
        Assert.That(SuiteFile.Load(suite).Cases.Single().Case, Is.EqualTo(minimal));

        var again = HarnessProcess.Run("run", "--suite", suite, "--backends", "onnxruntime", "--out", HarnessProcess.TempDir());
        Assert.That(again.ExitCode, Is.EqualTo(1), "the regression still fails: " + again.Stdout);
    }

    [Test]
    public void A_second_shrink_appends_below_the_first()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "shrunk");
        foreach (var c in new[] { OrtDefect, "mb2_ic1_oc1_in4x4_k3x3_s1x1_d2x2_op1x1_bias" })
            Assert.That(HarnessProcess.Run("shrink", "--case", c, "--backend", "onnxruntime-wdyn", "--out-suite", suite).ExitCode, Is.Zero);
        Assert.That(File.ReadAllLines(suite).Count(l => l.StartsWith("# 2", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(SuiteFile.Load(suite).Cases.Count + SuiteFile.Load(suite).Duplicates, Is.EqualTo(2));
    }

    [Test]
    public void A_stable_failure_shrinks_with_repeat()
    {
        var run = HarnessProcess.Run(
            "shrink", "--case", OrtDefect, "--backend", "onnxruntime", "--no-append", "--max-tries", "3", "--repeat", "2");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.Not.Contain("unstable"));
        Assert.That(HarnessProcess.Run("shrink", "--case", OrtDefect, "--backend", "onnxruntime", "--repeat", "0").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void A_case_that_passes_exits_1_and_says_so()
    {
        var run = HarnessProcess.Run("shrink", "--case", "ic2_oc2_in3x3_k3x3_s2x2", "--backend", "onnxruntime", "--no-append");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Does.Contain("does not fail on onnxruntime@cpu (status pass): nothing to shrink"));
    }

    [Test]
    public void No_append_leaves_the_suite_alone_and_max_tries_bounds_the_search()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "shrunk");
        var run = HarnessProcess.Run(
            "shrink", "--case", OrtDefect, "--backend", "onnxruntime", "--out-suite", suite, "--no-append", "--max-tries", "2");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Does.Contain("stopped after 2 candidates (--max-tries)"));
        Assert.That(File.Exists(suite), Is.False);
    }

    [TestCase(new[] { "shrink", "--case", "ic1_oc1_in3_k3" }, "--backend")]
    [TestCase(new[] { "shrink", "--case", "ic1_oc1_in3_k3", "--backend", "nope" }, "--backend: unknown backend 'nope'")]
    [TestCase(new[] { "shrink", "--case", "ic1_oc1_in3_k3_op1", "--backend", "reference" }, "--case: invalid case: output_padding[0]=1")]
    [TestCase(new[] { "shrink", "--case", "ic1_oc1_in3_k3", "--backend", "ext:x", "--kernel", "/nonexistent/manifest.json" },
        "--kernel: kernel manifest")]
    public void Bad_input_exits_2_with_a_one_line_reason(string[] args, string reason)
    {
        var run = HarnessProcess.Run(args);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Contain(reason));
    }
}

public class ListCommandTests
{
    [Test]
    public void Lists_the_cases_of_a_suite_with_their_sources_and_reports_each_grid()
    {
        var dir = HarnessProcess.TempDir();
        var suite = Path.Combine(dir, "s");
        File.WriteAllText(suite, "ic1_oc1_in3_k3\ngrid two\n  ic = 2, 3\n  oc = 2\n  in = 4\n  k = 3\n  g = 2\nend\n");
        var run = HarnessProcess.Run("list", "--suite", suite);
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout.Trim().Split('\n'), Is.EqualTo(new[]
        {
            $"{CaseId.Parse("ic1_oc1_in3_k3").Id}\ts:1",
            $"{CaseId.Parse("ic2_oc2_g2_in4_k3").Id}\ts:2 grid two",
        }));
        Assert.That(run.Stderr,
            Does.Contain("s:2 grid two: 2 generated, 1 invalid (in_channels: 1), 0 excluded by where, 0 left out by sample, 1 kept"));
    }

    [Test]
    public void A_suite_error_exits_2_naming_file_line_and_field()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "s");
        File.WriteAllText(suite, "grid g\n  k = 3y3\nend\n");
        var run = HarnessProcess.Run("list", "--suite", suite);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("s:2: k: '3y3' is not a size per axis"));
    }
}
