using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Cli.Tests;

/// <summary>The oneDNN family through the command line: library choice, ISA cap, impl column, main-job defaults.</summary>
public class OneDnnCommandTests
{
    private const string Library = "ACCURACYHARNESS_DNNL_LIBRARY";

    [Test]
    public void A_library_that_does_not_load_makes_the_backends_unavailable_and_is_never_replaced()
    {
        var env = new Dictionary<string, string> { [Library] = "/nonexistent/libdnnl.so.2" };
        var devices = HarnessProcess.RunWith(env, "devices");
        Assert.That(devices.Stdout, Does.Contain($"onednn: unavailable: {Library}=/nonexistent/libdnnl.so.2 could not be loaded"));
        var run = HarnessProcess.RunWith(env, "run", "--case", "ic2_oc2_in3_k2", "--backends", "onednn", "--out", HarnessProcess.TempDir());
        Assert.That(run.ExitCode, Is.EqualTo(3), run.Stderr);
        Assert.That(run.Stderr, Does.Contain("backend onednn is unavailable"));
    }

    [Test]
    public void The_isa_cap_is_honoured_shown_and_recorded_with_the_impl_of_every_result()
    {
        var real = HarnessProcess.Run("devices").Stdout.Split('\n').Single(l => l.StartsWith("onednn: ", StringComparison.Ordinal));
        var path = real[(real.LastIndexOf(", ", StringComparison.Ordinal) + 2)..].Trim();
        Assert.That(File.Exists(path), Is.True, real);

        var env = new Dictionary<string, string> { [Library] = path, ["ONEDNN_MAX_CPU_ISA"] = "avx2" };
        var devices = HarnessProcess.RunWith(env, "devices");
        Assert.That(devices.Stdout, Does.Contain($"ISA avx2 (ONEDNN_MAX_CPU_ISA=avx2), {path}"));

        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.RunWith(env, "run", "--case", "mb1_ic3_oc5_in6x5_k3x2_d2x3_pb1x2_pe2x0_nhwc",
            "--backends", "onednn,onednn-replaced", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var csv = File.ReadAllLines(Path.Combine(dir, "results.csv")).Select(l => l.Split(',')).ToList();
        Assert.That(csv[0][^2..], Is.EqualTo(new[] { "impl", "known" }), "impl was added after the diagnosis's parts, known after impl");
        Assert.That(csv.Skip(1).Select(row => row[^2]), Is.EqualTo(new[] { "jit:avx2", "jit:avx2" }));
        var results = Core.Results.ResultJson.ReadFile(Path.Combine(dir, "results.jsonl"));
        Assert.That(results.Select(r => r.Impl), Is.EqualTo(new[] { "jit:avx2", "jit:avx2" }));
        Assert.That(File.ReadAllText(Path.Combine(dir, "run.json")), Does.Contain("ONEDNN_MAX_CPU_ISA=avx2"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "junit.xml")), Does.Contain("<property name=\"impl\" value=\"jit:avx2\" />"));
    }

    /// <summary>The command line declares an option once: families that read the same option list the same declaration.</summary>
    [Test]
    public void Families_that_read_the_rewrite_options_share_their_declarations()
    {
        var families = BackendWiring.Families([]);
        var byName = families.SelectMany(f => f.Options).GroupBy(o => o.Name).ToList();
        Assert.That(byName.Where(g => g.Distinct().Count() > 1).Select(g => g.Key), Is.Empty);
        var readers = families.Where(f => f.Options.Contains(Core.Rewrite.RewriteOptions.Rule)).Select(f => f.Name);
        Assert.That(readers, Is.EquivalentTo(new[] { "opencl", "onednn" }));
        Assert.That(families.Single(f => f.Name == "onednn").Options.Select(o => o.Flag),
            Is.EqualTo(new[] { "--onednn-algorithm", "--onednn-f16-as-f32", "--onednn-slow-ref", "--rule", "--zero-insertion" }));
    }

    [Test]
    public void A_plain_run_includes_both_onednn_backends()
    {
        var run = HarnessProcess.Run("run", "--case", "ic2_oc2_in3_k2", "--out", HarnessProcess.TempDir());
        Assert.That(run.Stdout, Does.Match(@"onednn +cpu +pass +1").And.Match(@"onednn-replaced +cpu +pass +1"));
    }

    /// <summary>
    /// The family's options reach isolated workers: without them this f16 strided case is n/a on both
    /// backends (no f16 convolution; stride 2 without zero insertion), with them it passes on both.
    /// </summary>
    [Test]
    public void Options_reach_isolated_workers_and_the_repro_line()
    {
        var dir = HarnessProcess.TempDir();
        var run = HarnessProcess.Run("run", "--case", "mb1_ic2_oc3_in4x4_k3x3_s2x2_pb1x1_f16", "--backends", "onednn,onednn-replaced",
            "--onednn-f16-as-f32", "--zero-insertion", "--isolate", "--out", dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var results = Core.Results.ResultJson.ReadFile(Path.Combine(dir, "results.jsonl"));
        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { Core.Results.Status.Pass, Core.Results.Status.Pass }));
        string Repro(string backend) => ReproLine.Of(results.Single(r => r.Subject.Backend == backend).Subject);
        Assert.That(Repro("onednn"), Does.EndWith("--onednn-f16-as-f32"));
        Assert.That(Repro("onednn-replaced"), Does.EndWith("--onednn-f16-as-f32 --zero-insertion"));
    }
}
