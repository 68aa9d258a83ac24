using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>Runs every fault model that fits the case against a failing output.</summary>
public static class Diagnoser
{
    /// <summary>A closest model counts only if it explains at least this share of the elements the correct reference does not.</summary>
    private const double ClosestThreshold = 0.5;

    public static FaultDiagnosis Diagnose(
        Problem p, CaseInputs inputs, ReferenceResult reference, Tensor got, IEnumerable<FaultModel>? models = null)
    {
        var correctMisses = Misses(p, Prediction.Of(reference), got);
        var basis = ComparisonBasis.Of(p, reference);
        var best = FaultDiagnosis.None(got.Length);
        FaultDiagnosis? explained = null;
        foreach (var hypothesis in (models ?? FaultCatalogue.All).SelectMany(m => m.Propose(p, inputs)))
        {
            // A fault that gives the correct output for this case explains nothing. A fault known
            // only up to a slack (half-precision accumulation) always covers the correct output:
            // it explains an output that fails the f32 bound yet stays within its own.
            // A fault that reads outside its buffers somewhere is a candidate even where what it reads
            // cannot be predicted: that read is what it proposes.
            if (hypothesis.Prediction.Slack is null && hypothesis.Prediction.Unknown is null
                && Comparator.Compare(basis, AsOutput(p, hypothesis.Prediction)).Passed) continue;
            var misses = Misses(p, hypothesis.Prediction, got);
            if (misses == 0)
            {
                // The first model in catalogue order (the simplest explanation) names the fault; the
                // others that fit as well are listed, since this case cannot tell them apart.
                explained = explained is null
                    ? new FaultDiagnosis(hypothesis.Model, hypothesis.Detail, true, 0, got.Length)
                    : hypothesis.Model == explained.Model || explained.Equally.Contains(hypothesis.Model) ? explained
                    : explained with { Equally = [.. explained.Equally, hypothesis.Model] };
                continue;
            }
            if (explained is null && misses < best.Unexplained && misses <= correctMisses * ClosestThreshold)
                best = new FaultDiagnosis(hypothesis.Model, hypothesis.Detail, false, misses, got.Length);
        }
        return explained ?? best;
    }

    /// <summary>The output a faulty implementation would store (NaN where it writes nothing).</summary>
    public static Tensor AsOutput(Problem p, Prediction prediction)
    {
        var type = p.Case.Types.Destination;
        var rq = prediction.Requantization;
        var stored = prediction.Output.Select(v => rq is null || double.IsNaN(v) ? Tensor.Round(v, type) : rq.Store(v));
        return new(p.OutputShape, [.. stored], type);
    }

    /// <summary>
    /// Elements of the output that the prediction does not reproduce within the bounds the comparison would give the
    /// prediction in the reference's place (for an integer destination its admissible set), widened by its slack.
    /// </summary>
    private static long Misses(Problem p, Prediction prediction, Tensor got)
    {
        var basis = ComparisonBasis.Of(p, prediction.AsReference());
        long misses = 0;
        for (var i = 0; i < got.Length; i++)
        {
            if (prediction.Unknown?[i] == true) continue;
            var value = got.Data[i];
            if (double.IsNaN(prediction.Output[i]))
            {
                // Not written: the poison (NaN) or a zero-initialised buffer shows through.
                if (!(float.IsNaN(value) || value == 0)) misses++;
                continue;
            }
            var stored = basis.Stored[i];
            if (!float.IsFinite(value) || !float.IsFinite(stored))
            {
                if (!value.Equals(stored)) misses++;
                continue;
            }
            var error = (double)value - stored;
            var bound = (error > 0 && basis.BoundsAbove is { } above ? above[i] : basis.Bounds?[i] ?? 0) + (prediction.Slack?[i] ?? 0);
            if (Math.Abs(error) > bound) misses++;
        }
        return misses;
    }
}
