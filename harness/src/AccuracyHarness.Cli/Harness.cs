using System.CommandLine;
using AccuracyHarness.Cli.Commands;
using AccuracyHarness.Core.Backends;

namespace AccuracyHarness.Cli;

/// <summary>
/// The command line's entry point: parses, runs the command and turns every way it can end into
/// an exit code (docs/ARCHITECTURE.md section 9.5). Tests call <see cref="Run"/> in-process to
/// feed inputs through exactly what `scripts/harness` runs.
/// </summary>
public static class Harness
{
    public static int Main(string[] args) => Run(args);

    public static int Run(string[] args)
    {
        var root = new RootCommand(
            "AccuracyHarness: differential accuracy testing of transposed convolution (deconvolution) kernels.\n" +
            "Runs deconvolution cases through a double-precision reference and the backends under test,\n" +
            "compares within per-element error bounds and reports where and why results diverge.")
        {
            RunCommand.Create(),
            DevicesCommand.Create(),
            MutantsCommand.Create(),
            ReportCommand.Create(),
            BenchmarkCommand.Create(),
            ShrinkCommand.Create(),
            ListCommand.Create(),
        };

        BackendHelp.Install(root);

        // No response files: an argument starting with '@' is a value (a case text, a pattern), never a file to expand.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            // One line, as every usage error (README: exit codes).
            Console.Error.WriteLine($"error: {string.Join("; ", parsed.Errors.Select(e => e.Message.TrimEnd('.')))} (see --help)");
            return ExitCodes.Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (BackendUnavailableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.HarnessFailure;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"harness failure: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("ACCURACYHARNESS_TRACE") == "1") Console.Error.WriteLine(e);
            return ExitCodes.HarnessFailure;
        }
    }
}
