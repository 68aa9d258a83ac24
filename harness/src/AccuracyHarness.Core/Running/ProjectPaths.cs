namespace AccuracyHarness.Core.Running;

/// <summary>Finds the project's checkout (the folder holding AccuracyHarness.sln) from wherever the code runs.</summary>
public static class ProjectPaths
{
    public const string SolutionFile = "AccuracyHarness.sln";

    /// <summary>The checkout root, or null when the code runs outside one.</summary>
    public static string? TryFindRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }

    public static string FindRoot() =>
        TryFindRoot() ?? throw new DirectoryNotFoundException(
            $"not inside an AccuracyHarness checkout (no {SolutionFile} above {AppContext.BaseDirectory})");

    public static string Cases => Path.Combine(FindRoot(), "cases");
}
