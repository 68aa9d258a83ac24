using AccuracyHarness.Core.Tensors;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// Where no mapping fits, the error written as the reference's own terms taken 0 or 2 times instead of once: the
/// bias, each tap, each row of taps along an axis, each input channel (within its group), every product at once. Each differing element is
/// matched against every term it has; a greedy cover picks the terms that account for the most elements (at most
/// <see cref="MaxTerms"/>), each reported with where it applies, since a term is often missing in part of the output
/// only (a border band, a stride phase, the output-padding rows).
/// </summary>
public static class TermDecomposition
{
    private const int MaxTerms = 3;

    private sealed record Term(string Name, bool Bias, int[] Products);

    public static Hypothesis? Fit(CaseMemory memory, Prediction reference, Tensor got)
    {
        var p = memory.Problem;
        var terms = TermsOf(memory);
        var products = new double[memory.Geometry.Cg * memory.Taps];
        var differing = Enumerable.Range(0, got.Length)
            .Where(e => !Diagnosis.Fit.Element(p, reference, e, got.Data[e])).ToList();
        // Per differing element, the (term, coefficient) pairs that reproduce it: coefficient 0 drops the term, 2 doubles it.
        var fits = new Dictionary<int, List<(int Term, int Coefficient, double Value, double Abs)>>();
        foreach (var e in differing)
        {
            var bias = memory.Partials(e, products);
            var list = new List<(int, int, double, double)>();
            for (var t = 0; t < terms.Count; t++)
            {
                var (value, abs) = (terms[t].Bias ? bias : 0, terms[t].Bias ? Math.Abs(bias) : 0);
                foreach (var i in terms[t].Products) (value, abs) = (value + products[i], abs + Math.Abs(products[i]));
                if (value == 0) continue;
                foreach (var coefficient in new[] { 0, 2 })
                {
                    var delta = coefficient - 1;
                    var sum = reference.Output[e] + (delta * value);
                    var absSum = reference.AbsSum[e] + (delta * abs);
                    if (Diagnosis.Fit.Value(p, sum, Math.Max(absSum, 0), reference.Terms[e], null, got.Data[e]))
                        list.Add((t, coefficient, sum, absSum));
                }
            }
            fits[e] = list;
        }
        var chosen = new List<(int Term, int Coefficient, List<int> Elements)>();
        var open = differing.Where(e => fits[e].Count > 0).ToHashSet();
        while (open.Count > 0 && chosen.Count < MaxTerms)
        {
            var best = open.SelectMany(e => fits[e].Select(f => (f.Term, f.Coefficient, Element: e)))
                .GroupBy(f => (f.Term, f.Coefficient))
                .OrderByDescending(group => group.Count()).ThenBy(group => group.Key.Term).First();
            var elements = best.Select(f => f.Element).OrderBy(e => e).ToList();
            chosen.Add((best.Key.Term, best.Key.Coefficient, elements));
            open.ExceptWith(elements);
        }
        if (chosen.Count == 0) return null;
        var output = (double[])reference.Output.Clone();
        var absSums = (double[])reference.AbsSum.Clone();
        foreach (var (term, coefficient, elements) in chosen)
        foreach (var e in elements)
        {
            var fit = fits[e].First(f => f.Term == term && f.Coefficient == coefficient);
            (output[e], absSums[e]) = (fit.Value, Math.Max(fit.Abs, 0));
        }
        var detail = string.Join("; ", chosen.Select(c =>
            $"{terms[c.Term].Name} {(c.Coefficient == 0 ? "missing" : "doubled")} on {Where(memory, c.Elements)}"));
        return new Hypothesis(SearchModels.Terms, detail, new Prediction(output, absSums, reference.Terms));
    }

    /// <summary>"the 24 elements: all in output channel 1, ..." from the location sentence of the elements.</summary>
    private static string Where(CaseMemory memory, List<int> elements)
    {
        var mask = new bool[memory.Geometry.OutputLength];
        foreach (var e in elements) mask[e] = true;
        var sentence = MismatchLocation.Of(memory.Problem, mask).Sentence;
        var colon = sentence.IndexOf(':', StringComparison.Ordinal);
        var where = colon < 0 ? "" : sentence[(colon + 1)..];
        return $"{elements.Count} element{(elements.Count == 1 ? "" : "s")}{(where.Length > 0 ? ":" + where : "")}";
    }

    /// <summary>The terms of this case, simplest first: the bias, rows of taps, single taps, input channels.</summary>
    private static List<Term> TermsOf(CaseMemory memory)
    {
        var g = memory.Geometry;
        var p = memory.Problem;
        var taps = memory.Taps;
        var kernel = new[] { g.Z.Kernel, g.Y.Kernel, g.X.Kernel };
        int Coordinate(int tap, int axis) => axis switch
        {
            0 => tap / (kernel[1] * kernel[2]),
            1 => tap / kernel[2] % kernel[1],
            _ => tap % kernel[2],
        };
        int[] Products(Func<int, int, bool> keep) =>
            [.. Enumerable.Range(0, g.Cg * taps).Where(i => keep(i / taps, i % taps))];
        var spatial = Enumerable.Range(3 - p.Rank, p.Rank).Where(a => kernel[a] > 1).ToList();
        var terms = new List<Term>();
        if (memory.HasBias) terms.Add(new Term("bias", true, []));
        foreach (var a in spatial)
        for (var v = 0; v < kernel[a]; v++)
        {
            var (axis, value) = (a, v);
            terms.Add(new Term($"taps with {AxisNames[axis]}={value}", false, Products((_, t) => Coordinate(t, axis) == value)));
        }
        if (spatial.Count > 1)
        {
            for (var t = 0; t < taps; t++)
            {
                var tap = t;
                var name = string.Join(", ", spatial.Select(a => $"{AxisNames[a]}={Coordinate(tap, a)}"));
                terms.Add(new Term($"tap ({name})", false, Products((_, u) => u == tap)));
            }
        }
        if (g.Cg > 1)
        {
            for (var c = 0; c < g.Cg; c++)
            {
                var channel = c;
                var name = g.Groups > 1 ? $"input channel {c} of each group" : $"input channel {c}";
                terms.Add(new Term(name, false, Products((k, _) => k == channel)));
            }
        }
        terms.Add(new Term("every product (all taps and channels)", false, Products((_, _) => true)));
        return terms;
    }
}
