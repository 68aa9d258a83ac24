using System.ComponentModel;
using System.Diagnostics;

namespace AccuracyHarness.Core.Running;

/// <summary>The commit of the harness checkout, for the run's environment: reports say which harness judged.</summary>
public static class GitCommit
{
    /// <summary>`git rev-parse HEAD` in the checkout, or null outside one, without git, or when git fails.</summary>
    public static string? TryRead(string? start = null)
    {
        var root = ProjectPaths.TryFindRoot(start);
        if (root is null) return null;
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-C", root, "rev-parse", "HEAD" }) info.ArgumentList.Add(a);
        try
        {
            using var git = Process.Start(info);
            if (git is null) return null;
            var stdout = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            // A hung git (a lock, a network file system) must not hold up a run.
            if (!git.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }
            var commit = stdout.Result.Trim();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
