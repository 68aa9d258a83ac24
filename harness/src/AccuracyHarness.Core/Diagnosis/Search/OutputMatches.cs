using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// Output channels and batches recovered directly rather than enumerated: each of the kernel's output channels (or
/// batches) is matched against the reference's, and where every one holds some reference channel whole, the map is
/// the hypothesis (interleaved groups, reversed or rotated channel order, a group offset, batches mixed up).
/// </summary>
public static class OutputMatches
{
    public static IEnumerable<MappingHypothesis> All(CaseMemory memory, Prediction reference, Tensor got)
    {
        var g = memory.Geometry;
        var plane = g.Z.Out * g.Y.Out * g.X.Out;
        if (Match(memory, reference, got, g.M, plane, g.Batch, g.M * plane) is { } channels)
        {
            yield return new(SearchModels.OutputChannelsPermuted, $"output channels hold {Describe(channels, "channel")}",
                new KernelMapping(ChannelSource: channels));
        }
        if (Match(memory, reference, got, g.Batch, g.M * plane, 1, g.Batch * g.M * plane) is { } batches)
        {
            yield return new(SearchModels.BatchPermuted, $"batches hold {Describe(batches, "batch")}", new KernelMapping(BatchSource: batches));
        }
    }

    /// <summary>
    /// For each of <paramref name="count"/> slices (each <paramref name="length"/> elements, repeated
    /// <paramref name="repeats"/> times <paramref name="period"/> apart), the reference slice it holds whole; null
    /// when some slice holds none or the map is the identity.
    /// </summary>
    private static int[]? Match(CaseMemory memory, Prediction reference, Tensor got, int count, int length, int repeats, int period)
    {
        if (count < 2) return null;
        var map = new int[count];
        for (var k = 0; k < count; k++)
        {
            var candidates = Enumerable.Range(0, count).Where(j => Holds(memory, reference, got, k, j, length, repeats, period)).ToList();
            if (candidates.Count == 0) return null;
            map[k] = candidates.Contains(k) ? k : candidates[0];
        }
        return map.Where((j, k) => j != k).Any() ? map : null;
    }

    private static bool Holds(CaseMemory memory, Prediction reference, Tensor got, int k, int j, int length, int repeats, int period)
    {
        var p = memory.Problem;
        for (var r = 0; r < repeats; r++)
        for (var i = 0; i < length; i++)
        {
            var at = (r * period) + (k * length) + i;
            var from = (r * period) + (j * length) + i;
            if (!Fit.Value(p, reference.Output[from], reference.AbsSum[from], reference.Terms[from], null, got.Data[at])) return false;
        }
        return true;
    }

    /// <summary>"channel 3, 2, 1, 0 (reversed)" and the like: which slice each one holds.</summary>
    private static string Describe(int[] map, string what)
    {
        var n = map.Length;
        var shape = map.SequenceEqual(Enumerable.Range(0, n).Select(k => n - 1 - k)) ? " (reversed)"
            : Enumerable.Range(1, n - 1).FirstOrDefault(r => map.SequenceEqual(Enumerable.Range(0, n).Select(k => (k + r) % n))) is > 0 and var r
                ? $" (rotated by {r})"
                : "";
        return $"{what} {string.Join(", ", map)}{shape}";
    }
}
