using System.Text.RegularExpressions;

namespace AccuracyHarness.Cli;

/// <summary>The command line of this process as a user would type it again, for run.json and reports.</summary>
public static partial class Invocation
{
    public static string Text() =>
        string.Join(" ", new[] { "scripts/harness" }.Concat(Environment.GetCommandLineArgs().Skip(1).Select(Quote)));

    /// <summary>Single-quotes an argument for a POSIX shell unless it is plainly safe.</summary>
    private static string Quote(string arg) =>
        arg.Length > 0 && Safe().IsMatch(arg) ? arg : "'" + arg.Replace("'", "'\\''") + "'";

    [GeneratedRegex("^[A-Za-z0-9_./:=,@%+-]+$")]
    private static partial Regex Safe();
}
