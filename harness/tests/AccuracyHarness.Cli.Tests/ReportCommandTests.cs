using AccuracyHarness.Core.Results;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Cli.Tests;

public class ReportCommandTests
{
    private const string First = "ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias";
    private const string Second = "ic2_oc2_in6_k3_d2";

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
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "results.jsonl", "results.csv", "junit.xml", "report.html", "run.json" }));
        var info = RunJson.TryRead(dir)!;
        Assert.That(info.CommandLine, Is.EqualTo($"scripts/harness run --case {First} --backends reference --out {dir}"));
        Assert.That(info.Environment.Select(p => p.Key), Does.Contain("onnxruntime").And.Contain("dotnet"));
        // A checkout without git metadata (an exported tarball) runs too, just without a commit.
        var inGit = Path.Exists(Path.Combine(AccuracyHarness.Core.Running.ProjectPaths.FindRoot(), ".git"));
        Assert.That(info.Environment.Where(p => p.Key == "commit").Select(p => p.Value), inGit ? Has.One.Match("^[0-9a-f]{40}$") : Is.Empty);
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
        Assert.That(results.Select(r => r.Case.InChannels), Is.EqualTo(new[] { 4, 2 }));
        Assert.That(File.ReadAllLines(Path.Combine(merged, "results.csv")), Has.Length.EqualTo(3));
        Assert.That(File.ReadAllText(Path.Combine(merged, "junit.xml")), Does.Contain("tests=\"2\""));
        Assert.That(File.ReadAllText(Path.Combine(merged, "report.html")), Does.Contain("2 folders"));
        Assert.That(RunJson.TryRead(merged)!.CommandLine, Does.Contain(First).And.Contain(Second));
    }

    [Test]
    public void Compare_lists_newly_failing_and_newly_passing_and_exits_1_on_newly_failing()
    {
        var passing = ResultJson.ReadFile(Path.Combine(Shard(First), StoredRuns.ResultsFile)).Single();
        var failing = passing with { Status = Status.Fail, Diagnosis = "weights-not-flipped: kernel not rotated by 180 degrees", Mismatches = 3 };
        var (good, bad) = (Stored([passing]), Stored([failing]));

        var worse = HarnessProcess.Run("report", "--from", bad, "--compare", good);
        Assert.That(worse.ExitCode, Is.EqualTo(1), worse.Stdout + worse.Stderr);
        Assert.That(worse.Stdout, Does.Contain($"compared with {good}: 1 newly failing, 0 newly passing").And.Contain("(was pass) reference@cpu " + passing.CaseId));
        Assert.That(File.ReadAllText(Path.Combine(bad, ResultComparison.FileName)), Does.Contain("weights-not-flipped"));
        Assert.That(File.ReadAllText(Path.Combine(bad, "report.html")), Does.Contain("1 newly failing, 0 newly passing"));

        var better = HarnessProcess.Run("report", "--from", good, "--compare", bad);
        Assert.That(better.ExitCode, Is.Zero, better.Stdout + better.Stderr);
        Assert.That(better.Stdout, Does.Contain("0 newly failing, 1 newly passing").And.Contain("(was fail)"));
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
