using System.Diagnostics;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Tests;

/// <summary>The commands that take --kernel take version 2 manifests: run, shrink and scripts/bisect-run.sh.</summary>
public class VersionTwoManifestTests
{
    private const string FilterIndex = "uint filter_idx = filter_base + kz * FILTER_Z_PITCH + ky * FILTER_Y_PITCH + kx * FILTER_X_PITCH;";

    private const string Case = "mb2_ic4_oc6_g2_in5x4_k3x2_s2x2_pb1x1_bias_blocked16";

    private static string Example(string name, string manifest = "manifest.json") =>
        Path.Combine(ProjectPaths.FindRoot(), "cases", "kernels", name, manifest);

    /// <summary>A copy of the OpenVINO-dialect example whose filter is walked backwards: weights-not-flipped.</summary>
    private static string FaultyDialectExample()
    {
        var folder = HarnessProcess.TempDir();
        var source = Path.GetDirectoryName(Example("openvino-deconv"))!;
        foreach (var path in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
        var kernel = Path.Combine(folder, "deconv_ov_style.cl");
        var text = File.ReadAllText(kernel);
        Assert.That(text, Does.Contain(FilterIndex), "the example changed; update this test");
        File.WriteAllText(kernel, text.Replace(FilterIndex,
            "uint filter_idx = filter_base + (FILTER_SIZE_Y - 1 - ky) * FILTER_Y_PITCH + (FILTER_SIZE_X - 1 - kx) * FILTER_X_PITCH;"));
        return Path.Combine(folder, "manifest.json");
    }

    [Test]
    public void Run_takes_the_version_2_examples_together()
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--kernel", Example("tiled-deconv"), "--kernel", Example("openvino-deconv"),
            "--kernel", Example("openvino-deconv", "reorder.json"),
            "--backends", "ext:tiled-deconv,ext:openvino-deconv,opencl-replaced",
            "--case", "mb2_ic4_oc6_g2_in4x5_k3x2_pb1x0_bias_blocked16", "--case", "ic3_oc2_in5_k3_s2_nhwc", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var results = ResultJson.ReadFile(Path.Combine(dir, "results.jsonl"));
        Assert.That(results.Select(r => r.Subject.Backend).Distinct(),
            Is.EquivalentTo(new[] { "ext:tiled-deconv", "ext:openvino-deconv", "opencl-replaced" }));
        // opencl-replaced (its reorder stage from reorder.json) covers the stride-1 case; the other is n/a under the corrected rule.
        Assert.That(results.Where(r => r.Subject.Backend != "opencl-replaced" || r.Subject.Case.Strides.All(s => s == 1))
                .Select(r => r.Status),
            Is.All.EqualTo(Status.Pass));
    }

    [Test]
    public void Shrink_minimises_a_failing_dialect_kernel_and_keeps_its_diagnosis()
    {
        var run = HarnessProcess.Run("shrink", "--kernel", FaultyDialectExample(), "--backend", "ext:openvino-deconv",
            "--case", Case, "--no-append");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(ShrinkCommandTests.Line(run.Stdout, "diagnosis"), Does.StartWith("weights-not-flipped"));
        var minimal = CaseId.Parse(ShrinkCommandTests.Line(run.Stdout, "case"));
        Assert.That(ShrinkOutcome.Elements(minimal), Is.LessThan(ShrinkOutcome.Elements(CaseId.Parse(Case))));
    }

    [Test]
    public void The_repro_line_of_a_dialect_kernel_failure_runs_it_again_with_the_same_diagnosis()
    {
        var first = RunOnce("run", "--kernel", FaultyDialectExample(), "--backends", "ext:openvino-deconv", "--jit-constants",
            "--case", Case);
        Assert.That(ReproLine.Of(first.Subject), Does.Contain("--kernel ").And.Contain("--jit-constants"));

        var words = ReproLine.Of(first.Subject).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(words[0], Is.EqualTo(ReproLine.Program));
        var again = RunOnce(words[1..]);
        Assert.That((again.Key, again.Status, again.Diagnosis.Kind, again.Diagnosis.FaultModel),
            Is.EqualTo((first.Key, Status.Fail, DiagnosisKind.FaultModel, "weights-not-flipped")));
    }

    /// <summary>The single result of a run that fails it (exit 1: a divergence).</summary>
    private static CaseResult RunOnce(params string[] args)
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run([.. args, "--out", dir]);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        return ResultJson.ReadFile(Path.Combine(dir, "results.jsonl")).Single();
    }

    [TestCase(false, 0, "good")]
    [TestCase(true, 1, "bad")]
    public void Bisect_run_answers_for_a_dialect_kernel(bool faulty, int exitCode, string verdict)
    {
        var start = new ProcessStartInfo(Path.Combine(ProjectPaths.FindRoot(), "scripts", "bisect-run.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var manifest = faulty ? FaultyDialectExample() : Example("openvino-deconv");
        foreach (var a in new[] { "--kernel", manifest, "--case", "ic2_oc3_in3x3_k3x3_s2x2_bias" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), "bisect-run.sh finished");
        Assert.That(process.ExitCode, Is.EqualTo(exitCode), stderr.Result);
        Assert.That(stderr.Result, Does.Contain($"bisect-run: {verdict}: ic2_oc3_in3x3_k3x3_s2x2_bias"));
    }
}
