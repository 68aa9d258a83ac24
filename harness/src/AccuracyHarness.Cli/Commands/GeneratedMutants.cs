using System.Globalization;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Mutants;
using Status = AccuracyHarness.Core.Results.Status;

namespace AccuracyHarness.Cli.Commands;

/// <summary>
/// `mutants --generated N --seed S`: random index-mapping faults written into the direct kernel, each scored on the suite.
/// Caught: some case fails. Explained: on every failing case the diagnosis is a full fit and the planted fault predicts
/// the output. Misnamed: on some failing case the diagnosis is a full fit while the planted fault predicts otherwise.
/// A failing case that is not plain float (the planted model is of the float sum) or on which the planted fault reads
/// outside a buffer for every element (nothing there can be predicted) is not scored; a mutant failing only such cases
/// is caught but not explained.
/// </summary>
public static class GeneratedMutants
{
    public const double RequiredCaught = 0.98;
    public const double RequiredExplained = 0.95;

    private sealed record Score(GeneratedMutant Mutant, int Failing, int Results, bool Explained, bool Misnamed, string Diagnosis, double Seconds);

    public static int Run(int count, int seed, string? outDir, IReadOnlyList<SuiteCase> cases, int jobs)
    {
        if (count < 1) throw new UsageException($"--generated: {count} is out of range (1 or more)");
        var device = Try(() => OpenClDevices.Find(OpenClDevices.Pocl));
        if (outDir is not null) Directory.CreateDirectory(outDir);
        // Only plain float cases are scored (the planted models are of the float sum): the others would only cost time.
        cases = [.. cases.Where(c => c.Case.PlainFloat is not null)];
        var scores = new List<Score>();
        foreach (var mutant in MutantGenerator.Generate(count, seed))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var backend = mutant.Backend(device);
            var results = new RunPipeline([backend], new RunOptions { Jobs = jobs }).Run(cases, []);
            var failing = results.Where(r => r.Status == Status.Fail).ToList();
            var scored = failing.Where(r => backend.Scored(r.CaseId)).ToList();
            bool FullFit(CaseResult r) => r.Diagnosis.Kind == DiagnosisKind.FaultModel;
            var score = new Score(mutant, failing.Count, results.Count,
                scored.Count > 0 && scored.All(r => FullFit(r) && backend.Predicted(r.CaseId)),
                scored.Any(r => FullFit(r) && !backend.Predicted(r.CaseId)),
                failing.GroupBy(r => r.Diagnosis.FaultModel).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key ?? "",
                clock.Elapsed.TotalSeconds);
            scores.Add(score);
            var open = failing.Count - scored.Count;
            Console.Error.WriteLine($"{mutant.Name}: {mutant.Description}: {score.Failing}/{score.Results} failing, "
                + (open > 0 ? $"{open} not scored (not plain float, or every element reads outside a buffer), " : "")
                + $"{(score.Explained ? "explained" : "not explained")}{(score.Misnamed ? ", MISNAMED" : "")} ({score.Diagnosis}), "
                + $"{score.Seconds:0.0} s");
            foreach (var miss in scored.Where(r => !(FullFit(r) && backend.Predicted(r.CaseId))).Take(3))
                Console.Error.WriteLine($"  {miss.CaseId}: {miss.Diagnosis.Text}");
            if (outDir is not null) File.WriteAllText(Path.Combine(outDir, mutant.Name + ".cl"), mutant.Source);
        }
        if (outDir is not null)
        {
            File.WriteAllLines(Path.Combine(outDir, "generated.tsv"),
                ["mutant\tfault\tfailing\tresults\texplained\tmisnamed\tdiagnosis\tseconds",
                 .. scores.Select(s => string.Join('\t', s.Mutant.Name, s.Mutant.Description, s.Failing, s.Results, s.Explained, s.Misnamed,
                     s.Diagnosis, s.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))]);
        }
        var caught = scores.Count(s => s.Failing > 0);
        var explained = scores.Count(s => s.Explained);
        var misnamed = scores.Count(s => s.Misnamed);
        Console.WriteLine($"generated mutants: {count}, caught {caught}, explained {explained}, misnamed {misnamed}");
        return caught >= RequiredCaught * count && explained >= RequiredExplained * count && misnamed == 0
            ? ExitCodes.Success
            : ExitCodes.Divergence;
    }

    private static T Try<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (OpenClUnavailableException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
