using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Diagnosis.Search;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// Runs every fault model that fits the case against a failing output and, where none reproduces it and a search
/// budget is given, the search over index mappings and the term decomposition (<see cref="MappingSearch"/>).
/// </summary>
public static class Diagnoser
{
    /// <summary>A closest model counts only if it explains at least this share of the elements the correct reference does not.</summary>
    private const double ClosestThreshold = 0.5;

    /// <summary>Explanations kept in the ranking.</summary>
    private const int RankedKept = 3;

    public static FaultDiagnosis Diagnose(Problem p, CaseInputs inputs, ReferenceResult reference, Tensor got,
        IEnumerable<FaultModel>? models = null, TimeSpan? searchBudget = null)
    {
        var correct = Prediction.Of(reference);
        var correctMisses = Fit.Misses(p, correct, got);
        var basis = ComparisonBasis.Of(p, reference);
        var tried = new List<Explanation>();
        var explained = Try((models ?? FaultCatalogue.All).SelectMany(m => m.Propose(p, inputs)), null);
        // The search's mappings are of the float sum; a quantized or post-op case waits for mappings through the epilogue.
        if (explained is null && searchBudget is { } budget && p.Case.PlainFloat is not null)
            explained = Try(MappingSearch.Run(p, inputs, correct, got, budget), null);
        var ranked = tried.OrderByDescending(e => e.Exact).ThenBy(e => e.Residual).Take(RankedKept).ToList();
        if (explained is not null) return explained with { Ranked = ranked };
        return ranked.FirstOrDefault(e => e.Residual <= correctMisses * ClosestThreshold) is { } closest
            ? new FaultDiagnosis(closest.Name, closest.Detail, false, closest.Residual, got.Length) { Ranked = ranked }
            : FaultDiagnosis.None(got.Length) with { Ranked = ranked };

        FaultDiagnosis? Try(IEnumerable<Hypothesis> hypotheses, FaultDiagnosis? found)
        {
            foreach (var hypothesis in hypotheses)
            {
                // A fault that gives the correct output for this case explains nothing. A fault known
                // only up to a slack (half-precision accumulation) always covers the correct output:
                // it explains an output that fails the f32 bound yet stays within its own.
                // A fault that reads outside its buffers somewhere is a candidate even where what it reads
                // cannot be predicted: that read is what it proposes.
                if (hypothesis.Prediction.Slack is null && hypothesis.Prediction.Unknown is null
                    && Comparator.Compare(basis, AsOutput(p, hypothesis.Prediction)).Passed) continue;
                var misses = Fit.Misses(p, hypothesis.Prediction, got);
                if (misses < correctMisses)
                {
                    var share = correctMisses == 0 ? 1 : Math.Clamp(1 - ((double)misses / correctMisses), 0, 1);
                    tried.Add(new Explanation(hypothesis.Model, hypothesis.Detail, share, misses, misses == 0));
                }
                if (misses != 0) continue;
                // The first model in catalogue order (the simplest explanation) names the fault; the
                // others that fit as well are listed, since this case cannot tell them apart.
                found = found is null
                    ? new FaultDiagnosis(hypothesis.Model, hypothesis.Detail, true, 0, got.Length)
                    : hypothesis.Model == found.Model || found.Equally.Contains(hypothesis.Model) ? found
                    : found with { Equally = [.. found.Equally, hypothesis.Model] };
            }
            return found;
        }
    }

    /// <summary>The output a faulty implementation would store (NaN where it writes nothing).</summary>
    public static Tensor AsOutput(Problem p, Prediction prediction)
    {
        var type = p.Case.Types.Destination;
        var rq = prediction.Requantization;
        var stored = prediction.Output.Select(v => rq is null || double.IsNaN(v) ? Tensor.Round(v, type) : rq.Store(v));
        return new(p.OutputShape, [.. stored], type);
    }
}
