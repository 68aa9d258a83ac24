using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Multiply-adds per second of each backend over repeated runs of one suite, and its ratio to
/// the production libraries measured in the same runs (on the cases both ran), with the
/// reference's own rate and share of the wall time: what `benchmark` prints for real layers.
/// </summary>
public sealed class ThroughputTable
{
    /// <summary>The backends a ratio is taken to, when they ran.</summary>
    public static readonly string[] Baselines = ["onnxruntime@cpu", "onednn@cpu"];

    private readonly List<Run> _runs = [];

    /// <summary>How far the ratio of the median rates may stray from the median per-run ratio before both are shown.</summary>
    private const double RatioTolerance = 0.1;

    /// <summary>One run: per backend@device, the seconds of each case that produced an output.</summary>
    private sealed record Run(Dictionary<string, Dictionary<string, double>> Seconds, Dictionary<string, double> MultiplyAdds,
        double Reference, double Wall);

    /// <param name="referenceSeconds">The reference stage of the run (the gather every comparison uses).</param>
    public void Add(IReadOnlyList<CaseResult> results, double referenceSeconds, double wallSeconds)
    {
        var seconds = new Dictionary<string, Dictionary<string, double>>();
        var macs = new Dictionary<string, double>();
        foreach (var r in results)
        {
            macs.TryAdd(r.CaseId, r.Subject.Case.Resolve().MultiplyAdds());
            // n/a and errors did no arithmetic to speak of.
            if (r.Status is not (Status.Pass or Status.Fail)) continue;
            var key = $"{r.Subject.Backend}@{r.Subject.Device}";
            if (!seconds.TryGetValue(key, out var perCase)) seconds[key] = perCase = [];
            perCase[r.CaseId] = r.Metrics.Seconds;
        }
        _runs.Add(new Run(seconds, macs, referenceSeconds, wallSeconds));
    }

    public IReadOnlyList<string> Lines()
    {
        if (_runs.Count == 0) return [];
        var backends = _runs.SelectMany(r => r.Seconds.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        var baselines = Baselines.Where(b => _runs[0].Seconds.ContainsKey(b)).ToList();
        var lines = new List<string>
        {
            $"  throughput, GMAC/s: median of {_runs.Count} run(s) [lowest-highest]; ratios on the cases both ran, medians",
            $"  {"backend",-36} {"GMAC/s",8} {"spread",15}" + string.Concat(baselines.Select(b => $" {"x " + b,18}")),
        };
        var differing = new List<string>();
        foreach (var backend in backends)
        {
            var rates = _runs.Select(r => Rate(r, backend)).ToList();
            var ratios = baselines.Select(b => Median(_runs.Select(r => Ratio(r, backend, b)))).ToList();
            lines.Add($"  {backend,-36} {Median(rates),8:0.000} {Spread(rates),15}"
                + string.Concat(ratios.Select(x => $" {Format(x),18}")));
            for (var i = 0; i < baselines.Count; i++)
            {
                var ofRates = Median(rates) / Median(_runs.Select(r => Rate(r, baselines[i])));
                if (Math.Abs(ofRates - ratios[i]) > RatioTolerance * ratios[i])
                    differing.Add($"  {backend} x {baselines[i]}: {Format(ratios[i])} per run, {Format(ofRates)} from the median rates");
            }
        }
        var reference = _runs.Select(r => r.MultiplyAdds.Values.Sum() / r.Reference / 1e9).ToList();
        var share = Median(_runs.Select(r => r.Reference / r.Wall));
        lines.Add($"  {"reference gather (comparison basis)",-36} {Median(reference),8:0.000} {Spread(reference),15}"
            + $"  {100 * share:0.0}% of the wall time");
        if (differing.Count > 0)
        {
            // The ratio of two medians mixes runs (and, for a backend that skips cases, cases) that were not timed
            // together, so under a changing load it drifts from what one run measured: the column is the one to read.
            lines.Add("  ratios that the median rates would put otherwise (read the column: each run's ratio is taken within "
                + "that run, on the cases both ran):");
            lines.AddRange(differing);
        }
        return lines;
    }

    private static double Rate(Run run, string backend) =>
        run.Seconds.TryGetValue(backend, out var perCase) && perCase.Values.Sum() > 0
            ? perCase.Keys.Sum(id => run.MultiplyAdds[id]) / perCase.Values.Sum() / 1e9
            : double.NaN;

    /// <summary>Backend over baseline in multiply-adds per second on the cases both produced.</summary>
    private static double Ratio(Run run, string backend, string baseline)
    {
        if (!run.Seconds.TryGetValue(backend, out var mine) || !run.Seconds.TryGetValue(baseline, out var theirs)) return double.NaN;
        var both = mine.Keys.Where(theirs.ContainsKey).ToList();
        var mySeconds = both.Sum(id => mine[id]);
        return both.Count == 0 || mySeconds <= 0 ? double.NaN : both.Sum(id => theirs[id]) / mySeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static string Spread(IReadOnlyList<double> values)
    {
        var known = values.Where(v => !double.IsNaN(v)).ToList();
        return known.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{known.Min():0.000}-{known.Max():0.000}");
    }

    private static string Format(double ratio) =>
        double.IsNaN(ratio) ? "-" : ratio.ToString("0.000", CultureInfo.InvariantCulture);
}
