using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace AccuracyHarness.Cli;

/// <summary>
/// The help of a command that names backends (<c>--backends</c>, <c>--backend</c>) ends with the
/// backend catalogue, each backend with its family's description of it, so "see the list below"
/// has a list below. Lines wrap at <see cref="Width"/> columns.
/// </summary>
public static class BackendHelp
{
    public const int Width = 100;

    /// <summary>Makes the help of each command of <paramref name="root"/> that names backends end with the catalogue.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithCatalogue(new HelpAction { MaxWidth = Width });
    }

    /// <summary>The usual help, then the catalogue for a command that names backends.</summary>
    private sealed class WithCatalogue(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parsed)
        {
            var code = help.Invoke(parsed);
            if (!parsed.CommandResult.Command.Options.Any(o => o.Name is "--backends" or "--backend")) return code;
            var output = parsed.InvocationConfiguration.Output;
            output.WriteLine("Backends:");
            foreach (var line in Lines()) output.WriteLine(line);
            output.WriteLine();
            return code;
        }
    }

    /// <summary>"  NAME  description", the description wrapped under itself within <see cref="Width"/> columns.</summary>
    public static IEnumerable<string> Lines()
    {
        var entries = BackendWiring.Catalogue().Entries.ToList();
        var column = entries.Max(e => e.Name.Length) + 4;
        foreach (var entry in entries)
        {
            var line = $"  {entry.Name.PadRight(column - 2)}";
            foreach (var word in entry.Description.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length + 1 + word.Length > Width && line.Length > column)
                {
                    yield return line;
                    line = new string(' ', column);
                }
                line += line.Length == column ? word : " " + word;
            }
            yield return line;
        }
        yield return $"  {"ext:NAME".PadRight(column - 2)}a user's kernel, from --kernel MANIFEST (not run by default)";
    }
}
