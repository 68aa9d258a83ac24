using System.Diagnostics;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// The search over index mappings (docs/ARCHITECTURE.md section 8, "Search"), run on what the catalogue leaves
/// unexplained: output channels and batches recovered directly, then the input's addressing, begin pads, the weight
/// buffer's axis orders and flips, simplest first, until one reproduces the output or the time budget runs out. Each
/// mapping is first run on a sample of the output (the differing elements first, spread over the output) and only a
/// mapping that fits the whole sample is run on the whole output: a large case costs the sample per mapping.
/// Where no mapping fits, <see cref="TermDecomposition"/> writes the error as terms missing or doubled.
/// </summary>
public static class MappingSearch
{
    /// <summary>Elements a mapping is first tried on.</summary>
    private const int SampleSize = 48;

    /// <summary>Partial fits kept for the ranking (run on the whole output), the best on the sample.</summary>
    private const int PartialsKept = 2;

    public static TimeSpan DefaultBudget { get; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Hypotheses for a failing output, each with its prediction of the whole output: the first mapping that fits
    /// the sample and the whole output, else the partial fits and the term decomposition.
    /// </summary>
    public static IReadOnlyList<Hypothesis> Run(Problem p, CaseInputs inputs, Prediction reference, Tensor got, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var memory = new CaseMemory(p, inputs);
        var differing = Enumerable.Range(0, got.Length).Where(e => !Fit.Element(p, reference, e, got.Data[e])).ToList();
        var sample = Sample(differing, got.Length);
        var correctOutput = Diagnoser.AsOutput(p, reference);
        var partials = new List<(MappingHypothesis Hypothesis, int Misses)>();
        var candidates = OutputMatches.All(memory, reference, got)
            .Concat(Addressing.All(memory))
            .Concat(WeightOrders.All(memory));
        foreach (var candidate in candidates)
        {
            if (clock.Elapsed > budget) break;
            var onSample = memory.Predict(candidate.Mapping, sample);
            var misses = sample.Count(e => !Fit.Element(p, onSample, e, got.Data[e]));
            if (misses == 0)
            {
                // A mapping explains an output only if it predicts some differing element (rather than leaving them all
                // open) and departs from the correct output somewhere: otherwise it excuses the difference, it does not explain it.
                var whole = memory.Predict(candidate.Mapping);
                if (Fit.Misses(p, whole, got) == 0 && differing.Any(e => whole.Unknown?[e] != true) && Fit.Misses(p, whole, correctOutput) > 0)
                    return [new Hypothesis(candidate.Model, candidate.Detail, whole)];
            }
            if (misses > 0 && misses < sample.Count / 2) partials.Add((candidate, misses));
        }
        var kept = partials.OrderBy(c => c.Misses).Take(PartialsKept)
            .Select(c => new Hypothesis(c.Hypothesis.Model, c.Hypothesis.Detail, memory.Predict(c.Hypothesis.Mapping)));
        return TermDecomposition.Fit(memory, reference, got) is { } terms ? [terms, .. kept] : [.. kept];
    }

    /// <summary>The differing elements (up to two thirds of the sample, spread over them), then elements spread over the output.</summary>
    private static List<int> Sample(List<int> differing, int length)
    {
        var sample = Spread(differing, SampleSize * 2 / 3).ToHashSet();
        sample.UnionWith(Spread(Enumerable.Range(0, length).ToList(), SampleSize - sample.Count));
        return [.. sample.Order()];
    }

    private static IEnumerable<int> Spread(List<int> items, int count) =>
        items.Count <= count ? items : Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)]);
}
