using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Cli.Isolation;

/// <summary>
/// The worker half of an isolated run: reads cases from stdin and answers with results on stdout
/// (<see cref="WorkerProtocol"/>); everything else it prints goes to stderr.
/// </summary>
public static class WorkerLoop
{
    public static int Serve(IReadOnlyList<IBackend> backends, RunOptions options)
    {
        var output = Console.Out;
        Console.SetOut(Console.Error);
        while (Console.In.ReadLine() is { } line)
        {
            if (!line.StartsWith(WorkerProtocol.Case, StringComparison.Ordinal)) continue;
            var (id, source, skip) = WorkerProtocol.ParseCase(line);
            var c = CaseId.Parse(id);
            var done = skip.Select(i => Runner.Key(c, backends[i])).ToHashSet();
            var runner = new Runner(backends, options with { Jobs = 1 }, null, backend =>
            {
                output.WriteLine(WorkerProtocol.Start + IndexOf(backends, backend));
                output.Flush();
            });
            foreach (var result in runner.RunCase(new SuiteCase(c, source), done))
                output.WriteLine(WorkerProtocol.Result + ResultJson.ToLine(result));
            output.WriteLine(WorkerProtocol.Done);
            output.Flush();
        }
        return ExitCodes.Success;
    }

    private static int IndexOf(IReadOnlyList<IBackend> backends, IBackend backend)
    {
        for (var i = 0; i < backends.Count; i++)
        {
            if (ReferenceEquals(backends[i], backend)) return i;
        }
        throw new ArgumentException($"{backend.Name}@{backend.Device} is not one of the worker's backends", nameof(backend));
    }
}
