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

    public string Name => inner.Name;

    public string Device => inner.Device;

    /// <summary>Whether the planted fault predicted the output of the case (false for a case not run).</summary>
    public bool Predicted(string caseId) => _predicted.GetValueOrDefault(caseId);

    public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        var output = inner.Run(problem, inputs, cancellation);
        if (output is BackendOutput.Produced produced)
        {
            var memory = new CaseMemory(problem, inputs);
            _predicted[problem.Case.Id] = Fit.Misses(problem, memory.Predict(planted(memory)), produced.Output) == 0;
        }
        return output;
    }
}
