using System.CommandLine;
using AccuracyHarness.Cli.Isolation;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Cli.Commands;

/// <summary>
/// `run`: cases in, results out (docs/ARCHITECTURE.md sections 2 and 9.6). Its options are in <see cref="RunArguments"/>.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", """
            Run deconvolution cases through backends and write results.jsonl, results.csv, junit.xml, report.html and run.json.

            Examples:
              scripts/harness run --case ic4_oc8_g2_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias --backends reference --out /tmp/r
              scripts/harness run --suite cases/smoke --dump failing
              scripts/harness run --suite cases/benchdnn/shapes_1d --dtypes f32,f16 --layouts nchw,blocked16
              scripts/harness run --case 'g2mb1ic4ih5oc4oh9kh3sh2ph1' --fill exact
            """);
        foreach (var option in RunArguments.All) command.Add(option);
        BackendOptions.AddTo(command);
        command.SetAction(Execute);
        return command;
    }

    private static int Execute(ParseResult parsed)
    {
        var started = DateTimeOffset.Now;
        var read = RunArguments.Read(parsed);
        var inputs = read with { Options = read.Options with { Gemm = BackendWiring.ReferenceGemm(read.Options.Jobs, read.Worker) } };
        var backends = BackendWiring.Create(parsed, RunArguments.BackendList.Name, inputs.Backends, inputs.Devices, inputs.Options.Gemm);
        if (inputs.Worker) return WorkerLoop.Serve(backends, inputs.Options with { OutputDirectory = inputs.Out });

        var baseline = BaselineLoading.Load(inputs.Baseline);
        var cases = SuiteLoading.Cases(inputs.Suites, inputs.Cases, inputs.Filter);
        var outDir = inputs.Options.OutputDirectory!;
        var jsonl = Path.Combine(outDir, ResultJson.FileName);
        if (inputs.Resume is not null && !File.Exists(jsonl)) throw new UsageException($"--resume: {jsonl} does not exist");

        var pipeline = new RunPipeline(backends, inputs.Options, baseline: baseline);
        var state = inputs.Resume is null ? pipeline.Start() : Resume(pipeline, jsonl);
        var results = Progress.Run(pipeline.Pending(cases, state), progress =>
        {
            if (!inputs.Isolate) return pipeline.Run(cases, [progress], state);
            using var pool = new WorkerPool(RunArguments.ForWorker(parsed), inputs.Options.Timeout, backends);
            return pipeline.Run(cases, [progress], state, pool.RunCase);
        });
        var info = new RunInfo(BackendWiring.Environment()) { Started = started, CommandLine = Invocation.Text() };
        var table = new ResultTable(results, info);
        Reporting.Write(table, outDir, pipeline.Profile);

        var standing = baseline.Classify(results);
        Summary.Print(table, standing, outDir, Console.Out);
        return standing.New.Count > 0 ? ExitCodes.Divergence : ExitCodes.Success;
    }

    /// <summary>
    /// What the run being resumed finished; a results.jsonl that is corrupt before its last line is a
    /// usage error naming the line.
    /// </summary>
    private static RunState Resume(RunPipeline pipeline, string jsonl)
    {
        try
        {
            return pipeline.Resume(_ => Console.Error.WriteLine($"--resume: ignoring an unfinished line of {jsonl}"));
        }
        catch (StoredFileException e)
        {
            throw new UsageException($"--resume: {e.Message} (only a last line cut short is dropped; fix or remove this one)");
        }
    }
}
