using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Cli.Tests;

public class ReportCommandTests
{
    private const string First = "ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias";
    private const string Second = "ic2_oc2_in6_k3_d2";

    /// <summary>The diagnosis the tests plant on a passing result to make it fail.</summary>
    private static readonly ResultDiagnosis Flipped = new() { Text = "weights-not-flipped: kernel not rotated by 180 degrees" };

    private static string Shard(string caseId)
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--case", caseId, "--backends", "reference", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        return dir;
    }

    /// <summary>A run folder holding the given results, as a run that saw them would have left it.</summary>
    private static string Stored(IEnumerable<CaseResult> results)
    {
        var dir = HarnessProcess.TempDir();
        File.WriteAllLines(Path.Combine(dir, StoredRuns.ResultsFile), results.Select(ResultJson.ToLine));
        return dir;
    }

    [Test]
    public void Run_writes_every_format_and_its_environment()
    {
        var dir = Shard(First);
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "results.jsonl", "results.csv", "junit.xml", "report.html", "run.json" }));
        var info = RunJson.TryRead(dir)!;
        Assert.That(info.CommandLine, Is.EqualTo($"scripts/harness run --case {First} --backends reference --out {dir}"));
        Assert.That(info.Environment.Select(p => p.Key), Does.Contain("onnxruntime").And.Contain("dotnet"));
        // A checkout without git metadata (an exported tarball) runs too, just without a commit.
        var inGit = Path.Exists(Path.Combine(AccuracyHarness.Core.Running.ProjectPaths.FindRoot(), ".git"));
        Assert.That(info.Environment.Where(p => p.Key == "commit").Select(p => p.Value),
            inGit ? Has.One.Match("^[0-9a-f]{40}$") : Is.Empty);
    }

    [Test]
    public void Report_merges_shards_into_one_run_folder()
    {
        var (a, b) = (Shard(First), Shard(Second));
        var merged = Path.Combine(HarnessProcess.TempDir(), "merged");
        var report = HarnessProcess.Run("report", "--from", a, "--from", b, "--out", merged);
        Assert.That(report.ExitCode, Is.Zero, report.Stdout + report.Stderr);
        Assert.That(report.Stdout, Does.Contain("merged 2 shards: 2 results read, 2 kept (0 replaced by a later shard)"));
        var results = ResultJson.ReadFile(Path.Combine(merged, StoredRuns.ResultsFile));
        Assert.That(results.Select(r => r.Subject.Case.InChannels), Is.EqualTo(new[] { 4, 2 }));
        Assert.That(File.ReadAllLines(Path.Combine(merged, "results.csv")), Has.Length.EqualTo(3));
        Assert.That(File.ReadAllText(Path.Combine(merged, "junit.xml")), Does.Contain("tests=\"2\""));
        Assert.That(File.ReadAllText(Path.Combine(merged, "report.html")), Does.Contain("2 folders"));
        Assert.That(RunJson.TryRead(merged)!.CommandLine, Does.Contain(First).And.Contain(Second));
    }

    [Test]
    public void Compare_lists_newly_failing_and_newly_passing_and_exits_1_on_newly_failing()
    {
        var passing = ResultJson.ReadFile(Path.Combine(Shard(First), StoredRuns.ResultsFile)).Single();
        var failing = passing with
        {
            Status = Status.Fail, Diagnosis = Flipped, Metrics = passing.Metrics with { Mismatches = 3 },
        };
        var (good, bad) = (Stored([passing]), Stored([failing]));

        var worse = HarnessProcess.Run("report", "--from", bad, "--compare", good);
        Assert.That(worse.ExitCode, Is.EqualTo(1), worse.Stdout + worse.Stderr);
        Assert.That(worse.Stdout, Does.Contain($"compared with {good}: 1 newly failing, 0 newly passing")
            .And.Contain("(was pass) reference@cpu " + passing.CaseId));
        Assert.That(File.ReadAllText(Path.Combine(bad, ResultComparison.FileName)), Does.Contain("weights-not-flipped"));
        Assert.That(File.ReadAllText(Path.Combine(bad, "report.html")), Does.Contain("1 newly failing, 0 newly passing"));

        var better = HarnessProcess.Run("report", "--from", good, "--compare", bad);
        Assert.That(better.ExitCode, Is.Zero, better.Stdout + better.Stderr);
        Assert.That(better.Stdout, Does.Contain("0 newly failing, 1 newly passing").And.Contain("(was fail)"));
    }

    [Test]
    public void A_baseline_given_to_report_marks_what_it_lists_as_known_in_the_reports_and_the_exit_code()
    {
        var passing = ResultJson.ReadFile(Path.Combine(Shard(First), StoredRuns.ResultsFile)).Single();
        var failing = passing with { Status = Status.Fail, Diagnosis = Flipped };
        var stored = Stored([failing]);
        var listed = Path.Combine(HarnessProcess.TempDir(), "baseline");
        File.WriteAllText(listed, "reference@cpu diagnosis=\"weights-not-flipped*\" planted for this test\n");
        var other = Path.Combine(HarnessProcess.TempDir(), "baseline");
        File.WriteAllText(other, "reference@cpu diagnosis=\"bias-missing*\" not this failure\n");

        var known = HarnessProcess.Run("report", "--from", stored, "--baseline", listed);
        Assert.That(known.ExitCode, Is.Zero, known.Stdout + known.Stderr);
        Assert.That(known.Stdout, Does.Contain("0 fail, 1 known").And.Contain("0 new divergence(s)"));
        Assert.That(ResultJson.ReadFile(Path.Combine(stored, StoredRuns.ResultsFile)).Single().IsKnown, Is.False,
            "the folder reported in place keeps its results.jsonl");
        Assert.That(File.ReadAllLines(Path.Combine(stored, "results.csv"))[1], Does.Contain("planted for this test"));

        var fresh = HarnessProcess.Run("report", "--from", stored, "--baseline", other);
        Assert.That(fresh.ExitCode, Is.EqualTo(1), fresh.Stdout + fresh.Stderr);
        Assert.That(fresh.Stdout, Does.Contain("1 fail, 0 known").And.Contain("1 new divergence(s)"));
    }

    [Test]
    public void Compare_counts_a_result_the_baseline_expects_as_newly_known_and_exits_0()
    {
        var passing = ResultJson.ReadFile(Path.Combine(Shard(First), StoredRuns.ResultsFile)).Single();
        var failing = passing with { Status = Status.Fail, Diagnosis = Flipped };
        var (good, bad) = (Stored([passing]), Stored([failing]));
        var baseline = Path.Combine(HarnessProcess.TempDir(), "baseline");
        File.WriteAllText(baseline, "reference@cpu diagnosis=\"weights-not-flipped*\" planted for this test\n");

        var report = HarnessProcess.Run("report", "--from", bad, "--compare", good, "--baseline", baseline);
        Assert.That(report.ExitCode, Is.Zero, report.Stdout + report.Stderr);
        Assert.That(report.Stdout, Does.Contain($"compared with {good}: 0 newly failing, 0 newly passing, 1 newly known")
            .And.Contain("newly known (failing as the baseline expects):\n  fail  (was pass) reference@cpu " + passing.CaseId));
        Assert.That(File.ReadAllText(Path.Combine(bad, "report.html")), Does.Contain("Newly known (failing as the baseline expects)"));
    }

    [Test]
    public void A_baseline_naming_an_unknown_backend_is_a_usage_error_naming_file_line_and_the_known_backends()
    {
        var baseline = Path.Combine(HarnessProcess.TempDir(), "baseline");
        File.WriteAllText(baseline, "ext:my_kernel@pocl * a user's kernel is allowed\nopencl-drect@pocl * a typo\n");
        string[][] commands =
        [
            ["report", "--from", Stored([]), "--baseline", baseline],
            ["run", "--case", Second, "--backends", "reference", "--out", HarnessProcess.TempDir(), "--baseline", baseline],
        ];
        foreach (var command in commands)
        {
            var outcome = HarnessProcess.Run(command);
            Assert.That(outcome.ExitCode, Is.EqualTo(2), outcome.Stdout + outcome.Stderr);
            Assert.That(outcome.Stderr.Trim(), Does.StartWith("error: baseline:2: BACKEND: 'opencl-drect' is not a known backend (known: ")
                .And.Contain("reference, onnxruntime, onnxruntime-wdyn, opencl-direct, opencl-replaced").And.EndWith(", ext:*)"));
        }
    }

    [Test]
    public void A_corrupt_results_line_or_run_json_is_a_usage_error_naming_file_line_and_field()
    {
        var dir = Shard(First);
        var jsonl = Path.Combine(dir, StoredRuns.ResultsFile);
        var line = File.ReadAllText(jsonl).Trim();
        File.WriteAllText(jsonl, line + "\n" + line.Replace("\"elements\":", "\"elements\":x") + "\n");
        var report = HarnessProcess.Run("report", "--from", dir);
        Assert.That(report.ExitCode, Is.EqualTo(2), report.Stdout + report.Stderr);
        Assert.That(report.Stderr.Trim(), Does.StartWith($"error: {jsonl}:2: elements: not valid JSON (byte ").And.Not.Contain("\n"));

        File.WriteAllText(jsonl, line + "\n");
        File.WriteAllText(Path.Combine(dir, RunJson.FileName), "{\"started\": \"yesterday\"}");
        report = HarnessProcess.Run("report", "--from", dir);
        Assert.That(report.ExitCode, Is.EqualTo(2), report.Stdout + report.Stderr);
        Assert.That(report.Stderr.Trim(), Is.EqualTo(
            $"error: {Path.Combine(dir, RunJson.FileName)}: started: 'yesterday' is not a date and time (e.g. 2026-01-31T12:00:00+00:00)"));
    }

    [TestCase("--from", "no/such/run", "--from: no such folder: no/such/run")]
    [TestCase("--compare", "no/such/run", "--compare: no such folder: no/such/run")]
    [TestCase("--from", "cases", "--from: cases has no results.jsonl")]
    public void A_missing_folder_exits_2_naming_it(string option, string folder, string reason)
    {
        var args = option == "--from" ? new[] { "report", "--from", folder } : ["report", "--from", Stored([]), "--compare", folder];
        var report = HarnessProcess.Run(args);
        Assert.That(report.ExitCode, Is.EqualTo(2), report.Stdout + report.Stderr);
        Assert.That(report.Stderr.Trim(), Is.EqualTo("error: " + reason));
    }
}
