using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Reports.Runs;

namespace AccuracyHarness.Cli.Tests;

public class RunOptionsTests
{
    private static string Baseline => Path.Combine(ProjectPaths.Cases, "baseline");

    /// <summary>
    /// No false alarms: the real backends pass the default suite in both fill modes, but for the baseline's known defects.
    /// </summary>
    [TestCase("random")]
    [TestCase("exact")]
    public void Unmodified_backends_pass_the_default_suite(string fill)
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--suite", "cases/smoke", "--fill", fill, "--baseline", Baseline, "--jobs", "2", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var results = ResultJson.ReadFile(Path.Combine(dir, "results.jsonl"));
        Assert.That(results.Where(r => r.Status is Status.Fail or Status.Error).Select(r => r.Diagnosis.Text),
            Is.All.StartsWith("known ONNX Runtime defect").Or.StartsWith("known ONNX Runtime bias quantization"));
        Assert.That(results.Select(r => r.Subject.Backend).Distinct(),
            Is.SupersetOf(new[] { "reference", "onnxruntime", "onnxruntime-wdyn", "opencl-direct", "opencl-replaced" }));

        // The honest header: what the baseline expects is known, not fail, wherever it is counted.
        var known = results.Count(r => r.Status is Status.Fail or Status.Error);
        Assert.That(known, Is.GreaterThan(0), "the smoke suite has the baseline's ONNX Runtime defect cases");
        Assert.That(results.Where(r => r.Status is Status.Fail or Status.Error).Select(r => r.Known?.ToString()),
            Is.All.StartWith("baseline:"));
        Assert.That(run.Stdout, Does.Contain($" 0 fail, {known} known, 0 error, "));
        Assert.That(run.Stderr, Does.Contain($" 0 fail, {known} known, 0 error, "), "the progress line counts known apart too");
        Assert.That(File.ReadAllText(Path.Combine(dir, "report.html")),
            Does.Contain($"<span class=\"chip fail\"><b>0</b> fail</span><span class=\"chip known\"><b>{known}</b> known</span>"));
    }

    [Test]
    public void Shards_together_cover_the_suite_once()
    {
        var keys = new List<ResultKey>();
        for (var i = 1; i <= 3; i++)
        {
            var dir = HarnessProcess.TempDir();
            var run = HarnessProcess.Run("run", "--suite", "cases/smoke", "--backends", "reference", "--shard", $"{i}/3", "--out", dir);
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            keys.AddRange(ResultJson.ReadFile(Path.Combine(dir, "results.jsonl")).Select(r => r.Key));
        }
        var all = HarnessProcess.TempDir();
        HarnessProcess.Run("run", "--suite", "cases/smoke", "--backends", "reference", "--out", all);
        Assert.That(keys, Is.EquivalentTo(ResultJson.ReadFile(Path.Combine(all, "results.jsonl")).Select(r => r.Key)));
    }

    [Test]
    public void A_shard_holding_no_cases_writes_empty_reports_that_merge_and_exits_0()
    {
        const string caseText = "ic2_oc2_in6_k3_d2";
        var id = CaseId.Parse(caseText).Id;
        var shards = Enumerable.Range(1, 3).Select(i => new CaseSelection.Shard(i, 3)).ToList();
        var (empty, full) = (shards.First(s => !s.Includes(id)), shards.Single(s => s.Includes(id)));
        var (emptyDir, fullDir) = (HarnessProcess.TempDir(), HarnessProcess.TempDir());

        var run = HarnessProcess.Run("run", "--case", caseText, "--backends", "reference", "--shard", $"{empty}", "--out", emptyDir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.Contain($"shard {empty} holds none of the suite's 1 case(s): its reports are written empty"));
        Assert.That(File.ReadAllText(Path.Combine(emptyDir, "results.jsonl")), Is.Empty);
        Assert.That(File.ReadAllLines(Path.Combine(emptyDir, "results.csv")).Single(), Does.StartWith("case_id,backend,"), "the header");
        Assert.That(File.ReadAllText(Path.Combine(emptyDir, "junit.xml")), Does.Contain("tests=\"0\""));
        Assert.That(RunJson.TryRead(emptyDir)!.CommandLine, Does.Contain($"--shard {empty}"));

        Assert.That(HarnessProcess.Run("run", "--case", caseText, "--backends", "reference", "--shard", $"{full}", "--out", fullDir)
            .ExitCode, Is.Zero);
        var merged = HarnessProcess.TempDir();
        var report = HarnessProcess.Run("report", "--from", emptyDir, "--from", fullDir, "--out", merged, "--baseline", Baseline);
        Assert.That(report.ExitCode, Is.Zero, report.Stdout + report.Stderr);
        Assert.That(report.Stdout, Does.Contain("merged 2 shards: 1 results read, 1 kept").And.Contain("0 new divergence(s)"));
        Assert.That(ResultJson.ReadFile(Path.Combine(merged, "results.jsonl")).Single().CaseId, Is.EqualTo(id));
    }

    [Test]
    public void Resume_runs_only_what_an_interrupted_run_did_not_finish()
    {
        var dir = HarnessProcess.TempDir();
        var full = HarnessProcess.Run("run", "--suite", "cases/smoke", "--backends", "reference", "--out", dir);
        Assert.That(full.ExitCode, Is.Zero);
        var jsonl = Path.Combine(dir, "results.jsonl");
        var lines = File.ReadAllLines(jsonl);
        // An interrupted run: ten results finished, the eleventh cut short mid-line (no newline).
        File.WriteAllText(jsonl, string.Join("\n", lines.Take(10)) + "\n" + lines[10][..20]);
        var resumed = HarnessProcess.Run("run", "--suite", "cases/smoke", "--backends", "reference", "--resume", dir);
        Assert.That(resumed.ExitCode, Is.Zero, resumed.Stderr);
        Assert.That(resumed.Stderr, Does.Contain("ignoring an unfinished line"));
        var results = ResultJson.ReadFile(jsonl);
        Assert.That(results.Select(r => r.Key).Distinct().Count(), Is.EqualTo(lines.Length));
        Assert.That(File.ReadAllLines(Path.Combine(dir, "results.csv")), Has.Length.EqualTo(lines.Length + 1));
    }

    [Test]
    public void Resume_refuses_a_corrupt_line_before_the_last_naming_it()
    {
        var dir = HarnessProcess.TempDir();
        string[] cases = ["--case", "ic2_oc2_in6_k3_d2", "--case", "ic1_oc1_in3_k2", "--backends", "reference"];
        var full = HarnessProcess.Run(["run", .. cases, "--out", dir]);
        Assert.That(full.ExitCode, Is.Zero, full.Stderr);
        var jsonl = Path.Combine(dir, "results.jsonl");
        var lines = File.ReadAllLines(jsonl);
        File.WriteAllLines(jsonl, [lines[0][..30], lines[1]]);
        var resumed = HarnessProcess.Run(["run", .. cases, "--resume", dir]);
        Assert.That(resumed.ExitCode, Is.EqualTo(2), resumed.Stdout + resumed.Stderr);
        Assert.That(resumed.Stderr.Trim(), Does.StartWith($"error: --resume: {jsonl}:1: ").And.Not.Contain("\n"));
        Assert.That(File.ReadAllLines(jsonl), Is.EqualTo(new[] { lines[0][..30], lines[1] }), "the refused file is left as it was");
    }

    [Test]
    public void Isolated_workers_survive_a_crashing_kernel()
    {
        var dir = HarnessProcess.TempDir();
        var kernelDir = HarnessProcess.TempDir();
        File.WriteAllText(Path.Combine(kernelDir, "manifest.json"), """
            { "name": "crasher", "role": "deconv", "source": "crash.cl", "entry": "crash", "layouts": ["nchw"], "dtypes": ["f32"] }
            """);
        // Writes a terabyte past the output buffer: a real segmentation fault inside PoCL.
        File.WriteAllText(Path.Combine(kernelDir, "crash.cl"),
            "__kernel void crash(__global const DATA_T* input, __global const DATA_T* weights, __global const DATA_T* bias, " + """
            __global DATA_T* output, __global const int* params)
            {
                size_t i = get_global_id(0);
                output[((size_t)1 << 38) * (i + 1)] = 1.0f;
                output[i] = 0;
            }
            """);
        var run = HarnessProcess.Run(
            "run", "--kernel", Path.Combine(kernelDir, "manifest.json"), "--backends", "reference,ext:crasher,opencl-direct",
            "--case", "ic2_oc2_in4x4_k3x3", "--case", "ic2_oc2_in3x3_k3x3_s2x2", "--isolate", "--out", dir);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var results = ResultJson.ReadFile(Path.Combine(dir, "results.jsonl"));
        Assert.That(results, Has.Count.EqualTo(6));
        var crashed = results.Where(r => r.Subject.Backend == "ext:crasher").ToList();
        Assert.That(crashed.Select(r => r.Status), Is.All.EqualTo(Status.Error));
        Assert.That(crashed.Select(r => r.Message), Is.All.Contains("signal 11 (SIGSEGV)"));
        Assert.That(crashed.Select(r => ReproLine.Of(r.Subject)), Is.All.Contains("--kernel"));
        Assert.That(results.Where(r => r.Subject.Backend != "ext:crasher").Select(r => r.Status), Is.All.EqualTo(Status.Pass));
    }
}
