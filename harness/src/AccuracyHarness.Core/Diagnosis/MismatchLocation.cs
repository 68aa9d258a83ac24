using System.Globalization;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// Where the mismatches of a result are, summarised along the axes that explain bugs: batch,
/// group, output channel, spatial band per axis and stride phase (o mod s), plus per-channel
/// counts for a heat map. <see cref="Sentence"/> says it in one sentence.
/// </summary>
public sealed record MismatchLocation(
    long Mismatches,
    long Elements,
    IReadOnlyList<int> Batches,
    IReadOnlyList<int> Groups,
    IReadOnlyList<int> Channels,
    IReadOnlyList<long> PerChannel,
    string Sentence)
{
    private static readonly string[] AxisNames3 = ["z", "y", "x"];

    /// <summary>
    /// From the per-element error over its bound (above 1 differs). When the mismatches are everywhere,
    /// the sentence goes on with the share of the error each stride phase, tap band and group carries.
    /// </summary>
    public static MismatchLocation Of(Problem p, double[] ratios)
    {
        var location = Of(p, ratios.Select(r => r > 1).ToArray(), out var spread);
        return spread && ErrorShares.Describe(p, ratios) is { Length: > 0 } shares
            ? location with { Sentence = $"{location.Sentence}; {shares}" }
            : location;
    }

    public static MismatchLocation Of(Problem p, bool[] mask) => Of(p, mask, out _);

    private static MismatchLocation Of(Problem p, bool[] mask, out bool spread)
    {
        var c = p.Case;
        var spatial = p.Output.ToArray();
        var plane = (int)p.Output.Product();
        var perChannel = new long[c.OutChannels];
        var batches = new SortedSet<int>();
        var axisNames = AxisNames3[(3 - p.Rank)..];
        var coordinateSets = spatial.Select(_ => new SortedSet<int>()).ToArray();
        var bandSets = spatial.Select(_ => new HashSet<Band>()).ToArray();
        var phaseSets = spatial.Select(_ => new SortedSet<int>()).ToArray();
        long count = 0;
        var coords = new int[spatial.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            if (!mask[i]) continue;
            count++;
            var n = i / (c.OutChannels * plane);
            var oc = i / plane % c.OutChannels;
            batches.Add(n);
            perChannel[oc]++;
            var rest = i % plane;
            for (var a = spatial.Length - 1; a >= 0; a--)
            {
                coords[a] = rest % spatial[a];
                rest /= spatial[a];
            }
            for (var a = 0; a < spatial.Length; a++)
            {
                coordinateSets[a].Add(coords[a]);
                bandSets[a].Add(BandOf(p, a, coords[a]));
                phaseSets[a].Add(coords[a] % c.Strides[a]);
            }
        }
        var channels = Enumerable.Range(0, c.OutChannels).Where(oc => perChannel[oc] > 0).ToList();
        var groups = channels.Select(oc => oc / p.Mg).Distinct().ToList();
        spread = false;
        var sentence = count == 0
            ? "no mismatches"
            : Describe(p, count, mask.LongLength, batches, groups, channels, axisNames, coordinateSets, bandSets, phaseSets, out spread);
        return new MismatchLocation(count, mask.LongLength, batches.ToList(), groups, channels, perChannel, sentence);
    }

    /// <summary>
    /// Front band: outputs that some taps would reach only from before the input start
    /// (width (k-1)*d - pb); back band: the same at the end, output padding included
    /// (width (k-1)*d - pe + op); the interior gets every tap.
    /// </summary>
    public static Band BandOf(Problem p, int axis, int o)
    {
        var c = p.Case;
        var span = (c.Kernel[axis] - 1) * c.Dilations[axis];
        var front = Math.Max(0, span - p.PadsBegin[axis]);
        var back = Math.Max(0, span - p.PadsEnd[axis] + c.OutputPadding[axis]);
        if (o < front) return Band.Front;
        return o >= p.Output[axis] - back ? Band.Back : Band.Interior;
    }

    private static string Describe(
        Problem p, long count, long total, SortedSet<int> batches, List<int> groups, List<int> channels,
        string[] axisNames, SortedSet<int>[] coordinateSets, HashSet<Band>[] bandSets, SortedSet<int>[] phaseSets, out bool spread)
    {
        var c = p.Case;
        var where = new List<string>();
        if (batches.Count < c.Batch) where.Add($"batch {List(batches)}");
        if (c.Groups > 1 && groups.Count < c.Groups) where.Add($"group {List(groups)}");
        if (channels.Count < c.OutChannels) where.Add($"output channel {List(channels)}");
        var cleanBands = new List<string>();
        for (var a = 0; a < axisNames.Length; a++)
        {
            var size = p.Output[a];
            var coordinates = coordinateSets[a];
            if (coordinates.Count == size) continue;
            var name = axisNames[a];
            if (coordinates.Count == 1 && coordinates.Min == size - 1 && size > 1)
                where.Add($"the last output {AxisWord(name)} ({name} = {size - 1})");
            else if (coordinates.Count == 1 && coordinates.Min == 0 && size > 1)
                where.Add($"the first output {AxisWord(name)} ({name} = 0)");
            else if (bandSets[a].Count == 1)
                where.Add($"the {BandWord(bandSets[a].Single())} band of {name} ({name} = {List(coordinates)})");
            else if (phaseSets[a].Count < c.Strides[a])
                where.Add($"stride phase {name} mod {c.Strides[a]} = {List(phaseSets[a])}");
            else
                where.Add($"{name} = {List(coordinates)}");
            if (!bandSets[a].Contains(Band.Interior)) cleanBands.Add($"interior of {name} clean");
        }
        var head = count == total ? $"all {total} elements differ" : $"{count} of {total} elements differ";
        spread = where.Count == 0;
        if (where.Count == 0) return count == total ? head : $"{head}, spread over every batch, channel and position";
        var sentence = $"{head}: all in {string.Join(", ", where)}";
        return cleanBands.Count > 0 ? $"{sentence}; {string.Join(", ", cleanBands)}" : sentence;
    }

    private static string AxisWord(string axis) => axis switch { "x" => "column", "y" => "row", _ => "slice" };

    public static string BandWord(Band band) => band switch { Band.Front => "front", Band.Back => "back", _ => "interior" };

    /// <summary>Up to six values, then a count of the rest.</summary>
    private static string List(IEnumerable<int> values)
    {
        var all = values.ToList();
        var shown = string.Join(", ", all.Take(6).Select(v => v.ToString(CultureInfo.InvariantCulture)));
        return all.Count > 6 ? $"{shown} and {all.Count - 6} more" : shown;
    }
}
