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

/// <summary>
/// Runs one case through the backends one way: case -> validation -> inputs -> reference -> each
/// backend -> comparison -> diagnosis -> result (<see cref="RunPipeline"/> runs many, in parallel).
/// A backend that throws or times out becomes an error result for that case; the run goes on.
/// Backends must allow concurrent calls.
/// </summary>
/// <param name="backendStarting">Told each backend before it runs a case (isolated workers report it, so a crash can be blamed).</param>
public sealed class Runner(
    IReadOnlyList<IBackend> backends, RunOptions options, RunProfile? profile = null, Action<IBackend>? backendStarting = null)
{
    private readonly RunProfile _profile = profile ?? new RunProfile();

    /// <param name="done">Results already done (<see cref="RunState.Keys"/>): their backends are not run again.</param>
    public IReadOnlyList<CaseResult> RunCase(SuiteCase suiteCase, IReadOnlySet<ResultKey>? done = null,
        CancellationToken cancellation = default)
    {
        var c = suiteCase.Case;
        var todo = backends.Where(b => done?.Contains(Key(c, b)) != true).ToList();
        if (todo.Count == 0) return [];
        Problem problem;
        try
        {
            problem = c.Resolve();
        }
        catch (InvalidCaseException e)
        {
            return todo.Select(b => CaseResult.Error(ResultSubject.Of(suiteCase, b), e.Message)).ToList();
        }

        var inputs = _profile.Time(ProfileStage.Inputs, () => Fill.For(problem));
        var reference = _profile.Time(ProfileStage.Reference, () => ReferenceDeconvolution.Gather(problem, inputs, options.Gemm));
        var basis = _profile.Time(ProfileStage.Comparison, () => ComparisonBasis.Of(problem, reference, options.Tolerance));
        var dumps = options.Dump == DumpMode.None || options.OutputDirectory is null
            ? null
            : new CaseDump(Path.Combine(options.OutputDirectory, "dumps", c.Id), problem, inputs, reference);
        if (options.Dump == DumpMode.All) dumps?.WriteInputs();

        var results = new List<CaseResult>();
        foreach (var backend in todo)
        {
            cancellation.ThrowIfCancellationRequested();
            backendStarting?.Invoke(backend);
            var watch = Stopwatch.StartNew();
            var output = RunBackend(backend, problem, inputs, cancellation);
            var seconds = watch.Elapsed.TotalSeconds;
            _profile.Add(ProfileStage.Backend(backend.Name, backend.Device), watch.Elapsed);

            var (verdict, metrics) = _profile.Time(ProfileStage.Comparison, () =>
                ResultEvaluator.Evaluate(basis, ResultSubject.Of(suiteCase, backend), output, seconds));
            var result = _profile.Time(ProfileStage.Diagnosis, () =>
                ResultEvaluator.Explain(basis, inputs, reference, output, verdict, metrics));
            if (dumps is not null && output is BackendOutput.Produced produced &&
                (options.Dump == DumpMode.All || result.Status != Status.Pass))
            {
                _profile.Time(ProfileStage.Reporting(), () =>
                {
                    if (options.Dump == DumpMode.Failing) dumps.WriteInputs();
                    dumps.WriteOutput(backend, produced);
                    return true;
                });
            }
            results.Add(result);
        }
        return results;
    }

    public static ResultKey Key(DeconvCase c, IBackend backend) => new(c.Id, backend.Name, backend.Device);

    /// <summary>
    /// Calls the backend, turning exceptions and overlong runs into errors. A run past the
    /// timeout is abandoned, not stopped (native code cannot be interrupted safely in-process):
    /// isolated runs enforce it by ending the worker process.
    /// </summary>
    private BackendOutput RunBackend(IBackend backend, Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        BackendOutput Call()
        {
            try
            {
                return backend.Run(problem, inputs, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new BackendOutput.Failed($"{e.GetType().Name}: {e.Message}");
            }
        }

        if (options.Timeout is not { } timeout) return Call();
        var task = Task.Run(Call, cancellation);
        return task.Wait(timeout, cancellation)
            ? task.Result
            : new BackendOutput.Failed($"timed out after {timeout.TotalSeconds:0.#} s (the call was abandoned)");
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
            if (inputs.Quantization is { } q) WriteQuantization(q);
            if (inputs.PostOps is { } post)
            {
                if (post.SumPrior is { } prior) Npy.Write(Path.Combine(folder, "sum_prior.npy"), prior);
                for (var k = 0; k < post.Operands.Count; k++)
                {
                    if (post.Operands[k] is { } operand)
                        Npy.Write(Path.Combine(folder, $"post_op_{k}.npy"), new Dims(operand.Length), NpyType.F32, i => operand[i]);
                }
            }
            _inputsWritten = true;
        }

        /// <summary>Scales and zero points as numpy reads them: one value, or one per channel.</summary>
        private void WriteQuantization(Quantization q)
        {
            Npy.Write(Path.Combine(folder, "src_scale.npy"), new Dims(1), NpyType.F32, _ => q.SourceScale);
            Npy.Write(Path.Combine(folder, "wei_scales.npy"), new Dims(q.WeightScales.Length), NpyType.F32, i => q.WeightScales[i]);
            Npy.Write(Path.Combine(folder, "dst_scale.npy"), new Dims(1), NpyType.F32, _ => q.DestinationScale);
            Npy.Write(Path.Combine(folder, "src_zero_points.npy"), new Dims(q.SourceZeroPoints.Length), NpyType.I32,
                i => q.SourceZeroPoints[i]);
            Npy.Write(Path.Combine(folder, "dst_zero_point.npy"), new Dims(1), NpyType.I32, _ => q.DestinationZeroPoint);
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
