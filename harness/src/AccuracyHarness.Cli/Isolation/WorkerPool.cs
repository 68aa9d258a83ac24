using System.Collections.Concurrent;
using System.Diagnostics;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Cli.Isolation;

/// <summary>
/// Runs cases in worker processes so that a crash inside a native library (a kernel or driver
/// fault) or a hung backend ends only the worker: the backend it was running gets an error
/// result naming the signal or the timeout, a fresh worker starts, and the case goes on with its
/// remaining backends. Workers are `run` itself started with <see cref="WorkerProtocol.WorkerFlag"/>.
/// </summary>
/// <param name="backends">The run's backends, in the order the workers make them (<see cref="WorkerProtocol"/>).</param>
public sealed class WorkerPool(IReadOnlyList<string> runArguments, TimeSpan? timeout, IReadOnlyList<IBackend> backends) : IDisposable
{
    private readonly ConcurrentBag<Worker> _idle = [];
    private readonly ConcurrentBag<Worker> _all = [];

    public IReadOnlyList<CaseResult> RunCase(SuiteCase suiteCase, IReadOnlySet<ResultKey> done, CancellationToken cancellation)
    {
        var results = new List<CaseResult>();
        var skip = Enumerable.Range(0, backends.Count).Where(i => done.Contains(Runner.Key(suiteCase.Case, backends[i]))).ToHashSet();
        while (true)
        {
            var worker = Rent();
            worker.Send(WorkerProtocol.CaseLine(suiteCase.Case.Id, suiteCase.Source, skip));
            int? running = null;
            string? failure = null;
            while (failure is null)
            {
                var line = worker.Receive(timeout, cancellation);
                if (line is null)
                {
                    failure = worker.Ended(timeout)
                        ? $"the worker process died ({Signal(worker.ExitCode)}) while running this backend; the run went on in a new worker"
                        : $"timed out after {timeout!.Value.TotalSeconds:0.#} s; "
                            + "the worker process was ended and the run went on in a new worker";
                    break;
                }
                if (line == WorkerProtocol.Done)
                {
                    _idle.Add(worker);
                    return results;
                }
                if (line.StartsWith(WorkerProtocol.Start, StringComparison.Ordinal))
                    running = WorkerProtocol.Index(line[WorkerProtocol.Start.Length..]);
                else if (line.StartsWith(WorkerProtocol.Result, StringComparison.Ordinal))
                {
                    var result = ResultJson.FromLine(line[WorkerProtocol.Result.Length..]);
                    result = result with { Subject = result.Subject with { Source = suiteCase.Source } };
                    results.Add(result);
                    if (running is { } finished) skip.Add(finished);
                    running = null;
                }
            }

            worker.Kill();
            if (running is not { } crashed)
                throw new InvalidOperationException($"worker failed outside any backend on case {suiteCase.Case.Id}: {failure}");
            results.Add(CaseResult.Error(ResultSubject.Of(suiteCase, backends[crashed]), failure));
            skip.Add(crashed);
        }
    }

    /// <summary>"signal 11 (SIGSEGV)" for a process killed by a signal (.NET reports 128 + signal), else the exit code.</summary>
    public static string Signal(int exitCode)
    {
        if (exitCode <= 128) return $"exit code {exitCode}";
        var signal = exitCode - 128;
        var name = signal switch
        {
            4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE", 9 => "SIGKILL", 11 => "SIGSEGV", 15 => "SIGTERM", _ => "",
        };
        return name.Length > 0 ? $"signal {signal} ({name})" : $"signal {signal}";
    }

    private Worker Rent()
    {
        if (_idle.TryTake(out var worker) && !worker.HasExited) return worker;
        worker = new Worker(runArguments);
        _all.Add(worker);
        return worker;
    }

    public void Dispose()
    {
        foreach (var worker in _all) worker.Dispose();
    }

    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<string?> _lines = new();

        public Worker(IReadOnlyList<string> runArguments)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
                UseShellExecute = false,
            };
            // Started as "dotnet harness.dll", the process path is dotnet and the assembly comes first.
            if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
                start.ArgumentList.Add(typeof(WorkerPool).Assembly.Location);
            start.ArgumentList.Add("run");
            foreach (var a in runArguments) start.ArgumentList.Add(a);
            start.ArgumentList.Add(WorkerProtocol.WorkerFlag);
            _process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker process");
            var reader = new Thread(() =>
            {
                try
                {
                    while (_process.StandardOutput.ReadLine() is { } line) _lines.Add(line);
                }
                catch (IOException)
                {
                    // The pipe broke with the process; the end of the stream says the same.
                }
                _lines.Add(null);
            }) { IsBackground = true, Name = "worker output" };
            reader.Start();
        }

        public bool HasExited => _process.HasExited;

        /// <summary>After the output ended or went quiet: whether the process ended (rather than hanging past the timeout).</summary>
        public bool Ended(TimeSpan? timeout) =>
            timeout is null ? _process.WaitForExit(Timeout.Infinite) : _process.WaitForExit(TimeSpan.FromSeconds(2));

        public int ExitCode
        {
            get
            {
                _process.WaitForExit();
                return _process.ExitCode;
            }
        }

        public void Send(string line)
        {
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
        }

        /// <summary>The next line, or null when the worker ended or the timeout passed.</summary>
        public string? Receive(TimeSpan? timeout, CancellationToken cancellation) =>
            _lines.TryTake(out var line, timeout is { } t ? (int)t.TotalMilliseconds : Timeout.Infinite, cancellation) ? line : null;

        public void Kill()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.StandardInput.Close();
                    if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) _process.Kill(entireProcessTree: true);
                }
            }
            finally
            {
                _process.Dispose();
            }
        }
    }
}
