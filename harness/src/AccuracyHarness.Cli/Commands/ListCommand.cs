using System.CommandLine;

namespace AccuracyHarness.Cli.Commands;

/// <summary>`list`: what a suite expands to, without running it (for writing and sizing suites).</summary>
public static class ListCommand
{
    private static readonly Option<string[]> Suites = new("--suite")
    {
        Description = "A suite file, a benchdnn shape or batch file, or a folder of them (repeatable).",
        HelpName = "PATH",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("list", """
            Print the cases a suite expands to, one "CASE-ID<tab>SOURCE" a line, and on stderr what
            each grid and filtered include made (generated, invalid by field, excluded, sampled, kept).

            Example:
              scripts/harness list --suite cases/nightly | wc -l
            """)
        {
            Suites,
        };
        command.SetAction(parsed =>
        {
            foreach (var path in parsed.GetValue(Suites)!)
            {
                var loaded = SuiteLoading.Load(path);
                foreach (var c in loaded.Cases) Console.WriteLine($"{c.Case.Id}\t{c.Source}");
                Console.Error.WriteLine($"{path}: {loaded.Cases.Count} cases "
                    + $"({loaded.Duplicates} duplicates kept once, {loaded.Skipped.Count} benchdnn lines skipped)");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
