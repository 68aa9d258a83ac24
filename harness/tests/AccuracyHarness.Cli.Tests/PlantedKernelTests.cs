using System.Diagnostics;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Tests;

/// <summary>
/// A user's kernel repository with a history: a good kernel, a commit that breaks its build and
/// one that repairs it, then a commit that plants a fault (weights not rotated by 180 degrees).
/// The harness must catch the fault, shrink a failing case, and bisect to the faulty commit,
/// skipping the one that does not build. Runs on PoCL.
/// </summary>
public class PlantedKernelTests
{
    private const string Case = "mb2_ic4_oc6_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias";
    private const string Manifest = "kernel/manifest.json";
    private const string Tap = "WEI_IDX(first_ic + c, m, rz / DD, ry / DH, rx / DW)";
    private const string Statement = "const int cg = IC / G;";

    private string _repo = "";
    private readonly Dictionary<string, string> _commits = [];

    private static string Script => Path.Combine(ProjectPaths.FindRoot(), "scripts", "bisect-run.sh");

    [OneTimeSetUp]
    public void CreateRepository()
    {
        _repo = Path.Combine(HarnessProcess.TempDir(), "kernels");
        Directory.CreateDirectory(Path.Combine(_repo, "kernel"));
        Git("init", "-q");
        var example = Path.Combine(ProjectPaths.Cases, "kernels", "example-deconv");
        File.WriteAllText(Path.Combine(_repo, Manifest),
            File.ReadAllText(Path.Combine(example, "manifest.json")).Replace("\"example-deconv\"", "\"planted\"")
                .Replace("example_deconv.cl", "deconv.cl"));
        var good = File.ReadAllText(Path.Combine(example, "example_deconv.cl"));
        Assert.That(good, Does.Contain(Tap).And.Contain(Statement), "the example kernel changed; update this test");

        Commit("good", good);
        Commit("comment", "/* planted-fault test kernel */\n" + good);
        Commit("broken", good.Replace(Statement, Statement.TrimEnd(';')));
        Commit("repaired", good);
        Commit("fault", good.Replace(Tap, "WEI_IDX(first_ic + c, m, KD - 1 - rz / DD, KH - 1 - ry / DH, KW - 1 - rx / DW)"));
        File.WriteAllText(Path.Combine(_repo, "NOTES"), "later work\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "notes");
        _commits["notes"] = Git("rev-parse", "HEAD").Trim();
    }

    [OneTimeTearDown]
    public void RemoveRepository() => Directory.Delete(Path.GetDirectoryName(_repo)!, recursive: true);

    private void Commit(string label, string source)
    {
        File.WriteAllText(Path.Combine(_repo, "kernel", "deconv.cl"), source);
        Git("add", "-A");
        Git("commit", "-q", "-m", label);
        _commits[label] = Git("rev-parse", "HEAD").Trim();
    }

    [TestCase("good", 0)]
    [TestCase("comment", 0)]
    [TestCase("broken", 125)]
    [TestCase("repaired", 0)]
    [TestCase("fault", 1)]
    [TestCase("notes", 1)]
    public void Bisect_run_answers_good_skip_or_bad_at_each_commit(string label, int expected)
    {
        Git("checkout", "-q", _commits[label]);
        var step = Run(_repo, "bash", Script, "--kernel", Manifest, "--case", Case);
        Assert.That(step.ExitCode, Is.EqualTo(expected), step.Stderr);
        if (expected == 1) Assert.That(step.Stderr, Does.Contain("bad: ").And.Contain("weights-not-flipped"));
        if (expected == 125) Assert.That(step.Stderr, Does.Contain("does not build"));
    }

    [Test]
    public void Bisect_run_aborts_git_bisect_on_harness_usage_errors_and_skips_a_missing_manifest()
    {
        Git("checkout", "-q", _commits["notes"]);
        Assert.That(Run(_repo, "bash", Script, "--kernel", Manifest, "--case", "ic1_oc1_in3_q3").ExitCode, Is.EqualTo(128));
        Assert.That(Run(_repo, "bash", Script, "--case", Case).ExitCode, Is.EqualTo(128));
        Assert.That(Run(_repo, "bash", Script, "--kernel", "kernel/other.json", "--case", Case).ExitCode, Is.EqualTo(125));
    }

    [Test]
    public void Git_bisect_run_names_the_commit_that_planted_the_fault()
    {
        Git("checkout", "-q", _commits["notes"]);
        Git("bisect", "start", _commits["notes"], _commits["good"]);
        try
        {
            var log = Git("bisect", "run", Script, "--kernel", Manifest, "--case", Case);
            Assert.That(log, Does.Contain($"{_commits["fault"]} is the first bad commit"), log);
        }
        finally
        {
            Git("bisect", "reset");
        }
    }

    [Test]
    public void Shrink_finds_a_smaller_case_that_fails_the_planted_kernel_the_same_way()
    {
        Git("checkout", "-q", _commits["fault"]);
        var run = HarnessProcess.Run("shrink", "--kernel", Path.Combine(_repo, Manifest), "--backend", "ext:planted", "--case", Case,
            "--no-append");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.Contain("fails on ext:planted@pocl: weights-not-flipped"));
        var minimal = CaseId.Parse(ShrinkCommandTests.Line(run.Stdout, "case"));
        Assert.That(ShrinkOutcome.Elements(minimal), Is.LessThan(ShrinkOutcome.Elements(CaseId.Parse(Case))));
        Assert.That(ShrinkCommandTests.Line(run.Stdout, "diagnosis"), Does.StartWith("weights-not-flipped"));

        var again = HarnessProcess.Run("run", "--kernel", Path.Combine(_repo, Manifest), "--backends", "ext:planted", "--case", minimal.Id,
            "--out", HarnessProcess.TempDir());
        Assert.That(again.ExitCode, Is.EqualTo(1), "the minimal case fails the planted kernel when run again: " + again.Stdout);
    }

    private string Git(params string[] args)
    {
        var result = Run(_repo, "git", args);
        Assert.That(result.ExitCode, Is.Zero, $"git {string.Join(' ', args)}: {result.Stdout}{result.Stderr}");
        return result.Stdout;
    }

    private static HarnessProcess.Outcome Run(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        // A throwaway repository needs an identity to commit, whatever the machine's git config says.
        foreach (var (name, value) in new[] { ("GIT_AUTHOR_NAME", "test"), ("GIT_AUTHOR_EMAIL", "test@example.invalid"),
            ("GIT_COMMITTER_NAME", "test"), ("GIT_COMMITTER_EMAIL", "test@example.invalid") })
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return new HarnessProcess.Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
