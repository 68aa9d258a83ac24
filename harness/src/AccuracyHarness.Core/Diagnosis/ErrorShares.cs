using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// Where the error lies when every element differs: the share of the summed error-over-bound that
/// each stride phase, tap band and channel group carries (docs/ARCHITECTURE.md section 8). A fault in
/// the index arithmetic of one phase or band shows as a share far from that part's share of the
/// elements, so only such uneven breakdowns are said.
/// </summary>
public static class ErrorShares
{
    /// <summary>A breakdown is said when some part's share of the error departs this much from its share of the elements.</summary>
    private const double Uneven = 0.10;

    private static readonly string[] AxisNames3 = ["z", "y", "x"];

    /// <summary>The uneven breakdowns, "error by stride phase of x (o mod 2): 0 96%, 1 4%; ...", or a line saying it is even.</summary>
    public static string Describe(Problem p, double[] ratios)
    {
        var total = ratios.Sum();
        if (!double.IsFinite(total) || total <= 0) return "";
        var c = p.Case;
        var plane = (int)p.Output.Product();
        var names = AxisNames3[(3 - p.Rank)..];
        var breakdowns = new List<(string Title, string[] Parts, Func<int, int> PartOf)>();
        for (var a = 0; a < p.Rank; a++)
        {
            var axis = a;
            var stride = c.Strides[a];
            if (stride > 1)
            {
                breakdowns.Add(($"stride phase of {names[a]} (o mod {stride})",
                    Enumerable.Range(0, stride).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
                    i => Coordinate(p, i, axis) % stride));
            }
            var bands = Enumerable.Range(0, p.Output[a]).Select(o => MismatchLocation.BandOf(p, a, o)).Distinct().Count();
            if (bands > 1)
            {
                breakdowns.Add(($"band of {names[a]}", [.. Enum.GetValues<Band>().Select(MismatchLocation.BandWord)],
                    i => (int)MismatchLocation.BandOf(p, axis, Coordinate(p, i, axis))));
            }
        }
        if (c.Groups > 1)
        {
            breakdowns.Add(("group", Enumerable.Range(0, c.Groups).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
                i => i / plane % c.OutChannels / p.Mg));
        }
        if (breakdowns.Count == 0) return "";
        var said = new List<string>();
        foreach (var (title, parts, partOf) in breakdowns)
        {
            var error = new double[parts.Length];
            var elements = new long[parts.Length];
            for (var i = 0; i < ratios.Length; i++)
            {
                var part = partOf(i);
                error[part] += ratios[i];
                elements[part]++;
            }
            if (!Enumerable.Range(0, parts.Length).Any(k => Math.Abs((error[k] / total) - ((double)elements[k] / ratios.Length)) >= Uneven))
                continue;
            var shares = Enumerable.Range(0, parts.Length).Where(k => elements[k] > 0)
                .Select(k => $"{parts[k]} {Math.Round(100 * error[k] / total).ToString(CultureInfo.InvariantCulture)}%");
            said.Add($"by {title}: {string.Join(", ", shares)}");
        }
        return said.Count == 0
            ? "the error is spread evenly over stride phases, bands and groups"
            : $"share of the error {string.Join("; ", said)}";
    }

    private static int Coordinate(Problem p, int flat, int axis) => Tensor.Coordinates(p.OutputShape, flat)[2 + axis];
}
