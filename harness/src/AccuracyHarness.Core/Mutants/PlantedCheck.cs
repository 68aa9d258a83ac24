using System.Collections.Concurrent;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Diagnosis.Search;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Core.Mutants;

/// <summary>
/// A generated mutant's backend with its planted fault's own prediction beside it: for each case it records whether the
/// planted fault predicts what the kernel wrote (within the bounds), which is what makes a full-fit diagnosis of that
/// case an explanation rather than a misnaming.
/// </summary>
public sealed class PlantedCheck(IBackend inner, Func<CaseMemory, KernelMapping> planted) : IBackend
{
    private readonly ConcurrentDictionary<string, bool> _predicted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _open = new(StringComparer.Ordinal);

    public string Name => inner.Name;

    public string Device => inner.Device;

    /// <summary>Whether the planted fault predicted the output of the case (false for a case not run).</summary>
    public bool Predicted(string caseId) => _predicted.GetValueOrDefault(caseId);

    /// <summary>
    /// Whether the planted fault leaves every element of the case open (each one reads outside a buffer, so what the
    /// kernel wrote is whatever memory held): nothing there can be explained or misnamed, and the case is not scored.
    /// </summary>
    public bool Open(string caseId) => _open.GetValueOrDefault(caseId);

    /// <summary>
    /// Whether the case is scored: the planted fault predicted it (a plain float case, since its model is of the float
    /// sum, as the search's mappings are) and left some element of it to be predicted.
    /// </summary>
    public bool Scored(string caseId) => _predicted.ContainsKey(caseId) && !Open(caseId);

    public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        var output = inner.Run(problem, inputs, cancellation);
        if (output is BackendOutput.Produced produced && problem.Case.PlainFloat is not null)
        {
            var memory = new CaseMemory(problem, inputs);
            var prediction = memory.Predict(planted(memory));
            _predicted[problem.Case.Id] = Fit.Misses(problem, prediction, produced.Output) == 0;
            _open[problem.Case.Id] = prediction.Unknown?.All(u => u) == true;
        }
        return output;
    }
}
