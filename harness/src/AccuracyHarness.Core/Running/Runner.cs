using System.Diagnostics;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Running;

public enum DumpMode { None, Failing, All }

public sealed record RunOptions
{
    public FixedTolerance? Tolerance { get; init; }
    public DumpMode Dump { get; init; } = DumpMode.None;

    /// <summary>Where dumps/&lt;case&gt;/ folders go (the run's output folder).</summary>
    public string? OutputDirectory { get; init; }
}

/// <summary>Receives each result as soon as it is final (writers, progress, summaries).</summary>
public interface IRunObserver
{
    void OnResult(CaseResult result);
}

/// <summary>
/// Runs cases through backends one way: case -> validation -> inputs -> reference -> each
/// backend -> comparison -> result, handing every result to the observers as it is made.
/// A backend that throws becomes an error result for that case; the run goes on.
/// </summary>
public sealed class Runner(IReadOnlyList<IBackend> backends, RunOptions options, IReadOnlyList<IRunObserver> observers)
{
    public IReadOnlyList<CaseResult> Run(IEnumerable<SuiteCase> cases, CancellationToken cancellation = default)
    {
        var results = new List<CaseResult>();
        foreach (var c in cases)
        {
            cancellation.ThrowIfCancellationRequested();
            results.AddRange(RunCase(c, cancellation));
        }
        return results;
    }

    public IReadOnlyList<CaseResult> RunCase(SuiteCase suiteCase, CancellationToken cancellation = default)
    {
        var c = suiteCase.Case;
        Problem problem;
        try
        {
            problem = c.Resolve();
        }
        catch (InvalidCaseException e)
        {
            return backends.Select(b => Publish(new CaseResult
            {
                Case = c, Backend = b.Name, Device = b.Device, Status = Status.Error, Message = e.Message, Source = suiteCase.Source,
            })).ToList();
        }

        var inputs = Fill.For(problem);
        var reference = ReferenceDeconvolution.Gather(problem, inputs);
        var dumps = options.Dump == DumpMode.None || options.OutputDirectory is null
            ? null
            : new CaseDump(Path.Combine(options.OutputDirectory, "dumps", c.Id), problem, inputs, reference);
        if (options.Dump == DumpMode.All) dumps?.WriteInputs();

        var results = new List<CaseResult>();
        foreach (var backend in backends)
        {
            cancellation.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            BackendOutput output;
            try
            {
                output = backend.Run(problem, inputs, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                output = new BackendOutput.Failed($"{e.GetType().Name}: {e.Message}");
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var result = Judge.Evaluate(problem, inputs, reference, output, options.Tolerance) with
            {
                Backend = backend.Name,
                Device = backend.Device,
                Seconds = seconds,
                Source = suiteCase.Source,
            };
            if (dumps is not null && output is BackendOutput.Produced produced &&
                (options.Dump == DumpMode.All || result.Status != Status.Pass))
            {
                if (options.Dump == DumpMode.Failing) dumps.WriteInputs();
                dumps.WriteOutput(backend, produced);
            }
            results.Add(Publish(result));
        }
        return results;
    }

    private CaseResult Publish(CaseResult result)
    {
        foreach (var observer in observers) observer.OnResult(result);
        return result;
    }

    /// <summary>The .npy files of one case: inputs and reference once, then one output per backend.</summary>
    private sealed class CaseDump(string folder, Problem problem, CaseInputs inputs, ReferenceResult reference)
    {
        private bool _inputsWritten;

        public void WriteInputs()
        {
            if (_inputsWritten) return;
            Directory.CreateDirectory(folder);
            Npy.Write(Path.Combine(folder, "input.npy"), inputs.Input);
            Npy.Write(Path.Combine(folder, "weights.npy"), inputs.Weights);
            if (inputs.Bias is { } bias) Npy.Write(Path.Combine(folder, "bias.npy"), bias);
            Npy.Write(Path.Combine(folder, "reference.npy"), problem.OutputShape, reference.Output);
            _inputsWritten = true;
        }

        public void WriteOutput(IBackend backend, BackendOutput.Produced produced)
        {
            var name = FileName(backend);
            Npy.Write(Path.Combine(folder, $"{name}.npy"), produced.Output);
            foreach (var stage in produced.Stages)
                Npy.Write(Path.Combine(folder, $"{name}.{stage.Stage}.npy"), stage.Tensor);
        }

        private static string FileName(IBackend backend) =>
            string.Concat($"{backend.Name}.{backend.Device}".Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '.' or '_' ? ch : '-'));
    }
}
