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
        Hypothesis? open = null;
        var weights = EffectiveWeights.Recover(memory, got);
        var candidates = OutputMatches.All(memory, reference, got)
            .Concat(Addressing.All(memory))
            .Concat(WeightOrders.All(memory))
            .Where(c => weights?.Admits(c.Mapping) ?? true);
        foreach (var candidate in candidates)
        {
            if (clock.Elapsed > budget) break;
            var onSample = memory.Predict(candidate.Mapping, sample);
            var misses = sample.Count(e => !Fit.Element(p, onSample, e, got.Data[e]));
            if (misses == 0)
            {
                var whole = memory.Predict(candidate.Mapping);
                var hypothesis = new Hypothesis(candidate.Model, candidate.Detail, whole);
                if (Predicts(p, whole, got, correctOutput, differing)) return [hypothesis];
                if (open is null && LeavesOpenWhatDiffers(p, whole, got, differing)) open = hypothesis;
            }
            if (misses > 0 && misses < sample.Count / 2) partials.Add((candidate, misses));
        }
        var kept = partials.OrderBy(c => c.Misses).Take(PartialsKept)
            .Select(c => new Hypothesis(c.Hypothesis.Model, c.Hypothesis.Detail, memory.Predict(c.Hypothesis.Mapping)));
        var terms = TermDecomposition.Fit(memory, reference, got);
        // A mapping that leaves the differing elements open is the last resort: terms that predict them come first
        // (dropping the taps with x = 1 differs exactly where a swapped x reads past the input, on some cases).
        Hypothesis[] leading = (terms, open) switch
        {
            ({ } t, { } o) when Fit.Misses(p, t.Prediction, got) == 0 => [t, o],
            ({ } t, { } o) => [o, t],
            ({ } t, null) => [t],
            (null, { } o) => [o],
            _ => [],
        };
        return [.. leading, .. kept];
    }

    /// <summary>
    /// Whether a mapping's whole prediction explains the output: it fits every element it predicts, predicts some
    /// differing element and departs from the correct output somewhere.
    /// </summary>
    private static bool Predicts(Problem p, Prediction whole, Tensor got, Tensor correctOutput, List<int> differing) =>
        differing.Any(e => whole.Unknown?[e] != true) && Fit.Misses(p, whole, got) == 0 && Fit.Misses(p, whole, correctOutput) > 0;

    /// <summary>
    /// Whether a mapping fits every element it predicts and leaves open (reads outside a buffer) every differing
    /// element, while predicting others and most of the open ones differing: a kernel whose every wrong element reads
    /// outside the input (a swapped axis of a 1D case reads the next channels' planes) is named by where its reads
    /// leave the buffer. What it read there may happen to give the correct value (a zero of an exact fill), hence
    /// "most"; a mapping that leaves open mostly what does not differ, or everything, excuses the output instead.
    /// </summary>
    private static bool LeavesOpenWhatDiffers(Problem p, Prediction whole, Tensor got, List<int> differing)
    {
        if (differing.Count == 0 || whole.Unknown is not { } unknown || differing.Any(e => !unknown[e])) return false;
        var open = unknown.Count(u => u);
        return open < got.Length && differing.Count * 2 >= open && Fit.Misses(p, whole, got) == 0;
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
