using System.Diagnostics;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Tests;

/// <summary>The command-line tool run as a real process, as users and scripts run it.</summary>
public static class HarnessProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs with these environment variables set on top of the test's own.</summary>
    public static Outcome RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ProjectPaths.FindRoot(),
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "harness.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"harness {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harness-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
