using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.Onnx;

namespace AccuracyHarness.OnnxRuntime.Tests;

/// <summary>The f32 benchdnn shapes of cases/benchdnn that are small enough for a quick test, through both backends.</summary>
public class BenchdnnShapesTests
{
    /// <summary>Multiply-adds per case: the reference (double) and both backends stay within seconds per file.</summary>
    private const double MaxWork = 4e6;

    public static IEnumerable<TestCaseData> Files()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(HistorySuiteTests.SuitePath()))!, "benchdnn");
        // A folder suite skips dot-files (the corpus's .not-copied list) and notes, and so does this.
        return Directory.GetFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetName("benchdnn/" + Path.GetFileName(f)));
    }

    private static double Work(Problem p) => (double)p.OutputShape.Product() * p.Cg * p.Case.Kernel.Product();

    [TestCaseSource(nameof(Files))]
    public void SmallShapesMatchTheReference(string file)
    {
        Ort.Require();
        var backends = new[] { WeightsSource.Initializer, WeightsSource.GraphInput }
            .Select(w => new OnnxRuntimeBackend(w, new OnnxRuntimeOptions())).ToList();
        var run = 0;
        var failures = new List<string>();
        foreach (var suiteCase in SuiteFile.Load(file).Cases.Where(c => c.Case.Types.Destination == DataType.F32).DistinctBy(c => c.Case))
        {
            Problem problem;
            try
            {
                problem = suiteCase.Case.Resolve();
            }
            catch (InvalidCaseException)
            {
                continue;
            }
            if (Work(problem) > MaxWork) continue;
            run++;
            var inputs = Fill.For(problem);
            var reference = ReferenceDeconvolution.Gather(problem, inputs);
            foreach (var backend in backends)
            {
                var output = backend.Run(problem, inputs, default);
                if (output is not BackendOutput.Produced produced)
                    failures.Add($"{backend.Name} {suiteCase.Source} {problem.Case.Id}: {output}");
                else if (produced.KnownIssues.IsEmpty && !Comparator.Compare(problem, reference, produced.Output).Passed)
                    failures.Add($"{backend.Name} {suiteCase.Source} {problem.Case.Id}: differs from the reference");
                else if (!produced.KnownIssues.IsEmpty)
                    TestContext.Out.WriteLine($"{backend.Name} {problem.Case.Id}: {ResultText.KnownIssues(produced.KnownIssues)}");
            }
        }
        TestContext.Out.WriteLine($"{Path.GetFileName(file)}: {run} cases small enough run through both backends");
        Assert.That(failures, Is.Empty);
    }
}
