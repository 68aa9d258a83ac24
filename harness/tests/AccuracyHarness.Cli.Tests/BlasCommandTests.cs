namespace AccuracyHarness.Cli.Tests;

/// <summary>The reference's OpenBLAS through the command line: shown in the environment, and optional.</summary>
public class BlasCommandTests
{
    private const string Library = "ACCURACYHARNESS_OPENBLAS_LIBRARY";

    /// <summary>Large enough that the reference takes the matrix products when it can.</summary>
    private const string LargeCase = "mb2_ic64_oc32_in24x24_k3x3_s2x2_bias";

    private const string Note = "note: the reference runs its loops";

    [Test]
    public void The_reference_sums_large_cases_with_OpenBLAS_and_says_which()
    {
        var devices = HarnessProcess.Run("devices");
        Assert.That(devices.Stdout, Does.Match(@"openblas: OpenBLAS \d+\.\d+\.\d+ .*, \d+ threads"),
            "run scripts/setup.sh (it installs libopenblas0-pthread)");
        var run = HarnessProcess.Run("run", "--case", LargeCase, "--backends", "reference", "--jobs", "2", "--isolate",
            "--out", HarnessProcess.TempDir());
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Not.Contain(Note));
    }

    /// <summary>Isolated, so that the workers, which run the reference, would say it too if they did.</summary>
    [Test]
    public void Without_OpenBLAS_the_reference_runs_its_loops_and_says_so_once()
    {
        var env = new Dictionary<string, string> { [Library] = "/nonexistent/libopenblas.so.0" };
        var devices = HarnessProcess.RunWith(env, "devices");
        Assert.That(devices.Stdout, Does.Contain($"openblas: unavailable: {Library}=/nonexistent/libopenblas.so.0 could not be loaded"));
        var run = HarnessProcess.RunWith(env, "run", "--case", LargeCase, "--case", LargeCase.Replace("_bias", ""),
            "--backends", "reference", "--isolate", "--jobs", "2", "--out", HarnessProcess.TempDir());
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var notes = run.Stderr.Split('\n').Where(l => l.StartsWith(Note, StringComparison.Ordinal)).ToList();
        Assert.That(notes, Has.Count.EqualTo(1), run.Stderr);
        Assert.That(notes[0], Does.Contain($"{Library}=/nonexistent/libopenblas.so.0 could not be loaded"));
    }
}
