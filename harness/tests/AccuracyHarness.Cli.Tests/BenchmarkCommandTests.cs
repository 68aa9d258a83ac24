using System.Text.RegularExpressions;

namespace AccuracyHarness.Cli.Tests;

public class BenchmarkCommandTests
{
    [Test]
    public void Prints_throughput_stages_overhead_and_per_run_cache_counters()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "tiny");
        File.WriteAllText(suite, """
            ic2_oc3_in5x5_k3x3_s2x2_bias
            ic4_oc4_g2_in4x4_k2x2_f16
            """);
        var run = HarnessProcess.Run("benchmark", "--suite", suite, "--backends", "reference,opencl-direct", "--repeat", "2");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(run.Stdout,
            Does.Match(@"2 cases, 4 results; wall time per run [0-9.]+ s, [0-9.]+ s; median [0-9.]+ s, [0-9.]+ cases/s"));
        foreach (var stage in new[] { "inputs", "reference", "comparison", "backend reference@cpu", "backend opencl-direct@pocl",
            "reporting results.jsonl", "reporting report.html" })
            Assert.That(run.Stdout, Does.Match($@"\n  {Regex.Escape(stage)} +[0-9.]+ s +[0-9.]+% of wall"), stage);
        Assert.That(run.Stdout, Does.Match(@"harness overhead \(all but the backends\) +[0-9.]+% of wall"));
        // The second run finds every program the first one built, and reuses every buffer.
        Assert.That(run.Stdout, Does.Match(@"\n  programs built on pocl +[1-9][0-9]*, 0\n"));
        Assert.That(run.Stdout, Does.Match(@"\n  buffers created on pocl +[1-9][0-9]*, 0\n"));
        Assert.That(run.Stdout, Does.Match(@"\n  opencl-direct@pocl +[0-9.]+ s +[0-9.]+ s +[0-9.]+\n"), "device vs host time");
        Assert.That(run.Stdout, Does.Not.Match(@"\n  reference@cpu +[0-9.]+ s +[0-9.]+ s +[0-9.]+\n"), "the reference has no device time");
    }

    /// <summary>A fresh process with the cache folder of an earlier one builds nothing from source.</summary>
    [Test]
    public void Counts_programs_built_from_source_and_loaded_from_the_binary_cache()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "one");
        File.WriteAllText(suite, "ic2_oc3_in5x5_k3x3_s2x2_bias\n");
        var cache = Path.Combine(HarnessProcess.TempDir(), "programs");
        var environment = new Dictionary<string, string> { ["ACCURACYHARNESS_PROGRAM_CACHE"] = cache };
        string[] arguments = ["benchmark", "--suite", suite, "--backends", "opencl-direct", "--repeat", "1"];
        var cold = HarnessProcess.RunWith(environment, arguments);
        var warm = HarnessProcess.RunWith(environment, arguments);
        Assert.That(cold.ExitCode + warm.ExitCode, Is.Zero, cold.Stderr + warm.Stderr);
        var built = Regex.Match(cold.Stdout, @"\n  programs built on pocl: from source +([1-9][0-9]*)\n");
        Assert.That(built.Success, cold.Stdout);
        Assert.That(cold.Stdout, Does.Match(@"\n  programs built on pocl: from the binary cache +0\n"));
        Assert.That(warm.Stdout, Does.Match(@"\n  programs built on pocl: from source +0\n"), warm.Stdout);
        Assert.That(warm.Stdout, Does.Match($@"\n  programs built on pocl: from the binary cache +{built.Groups[1].Value}\n"));
    }

    /// <summary>oneDNN keeps no descriptors: each run asks again, and each backend counts its own.</summary>
    [Test]
    public void Each_onednn_backend_prints_its_own_stages_and_descriptor_count()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "one");
        File.WriteAllText(suite, "ic2_oc3_in5x5_k3x3_s2x2_bias\n");
        var run = HarnessProcess.Run(
            "benchmark", "--suite", suite, "--backends", "onednn,onednn-replaced", "--zero-insertion", "--repeat", "2");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        foreach (var backend in new[] { "onednn", "onednn-replaced" })
        {
            Assert.That(run.Stdout, Does.Match($@"\n  backend {Regex.Escape(backend)}@cpu +[0-9.]+ s"), backend);
            Assert.That(run.Stdout, Does.Match($@"\n  {Regex.Escape(backend)}: oneDNN primitive descriptors created +1, 1\n"), backend);
        }
    }

    [Test]
    public void A_bad_repeat_count_is_a_usage_error_naming_the_option()
    {
        var run = HarnessProcess.Run("benchmark", "--repeat", "0");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("--repeat"));
    }

    [Test]
    public void Honours_devices_and_backend_options_as_run_does()
    {
        var suite = Path.Combine(HarnessProcess.TempDir(), "one");
        File.WriteAllText(suite, "ic2_oc3_in5x5_k3x3_s2x2_bias\n");
        var run = HarnessProcess.Run(
            "benchmark", "--suite", suite, "--backends", "opencl-direct", "--devices", "oclgrind", "--jit-constants", "--repeat", "1");
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(run.Stdout, Does.Contain("backends opencl-direct@oclgrind").And.Contain("backend opencl-direct@oclgrind "));

        var bad = HarnessProcess.Run("benchmark", "--suite", suite, "--backends", "onnxruntime", "--ort-threads", "zero");
        Assert.That(bad.ExitCode, Is.EqualTo(2), bad.Stdout + bad.Stderr);
        Assert.That(bad.Stderr, Does.Contain("ort-threads").And.Contain("zero"));
    }
}
