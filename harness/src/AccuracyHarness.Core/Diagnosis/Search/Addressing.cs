using AccuracyHarness.Core.Reference;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// Kernels that address the input or the weights wrongly: spatial coordinates swapped, input channels taken in
/// another order (reversed, rotated, groups interleaved, every group from group 0), a begin pad off by up to two, and
/// every group's weights read from group 0.
/// </summary>
public static class Addressing
{
    private static readonly int[] Shifts = [-1, 1, -2, 2];

    public static IEnumerable<MappingHypothesis> All(CaseMemory memory)
    {
        var g = memory.Geometry;
        var names = AxisNames;
        var swaps = new (int A, int B)?[] { null, (1, 2), (0, 1), (0, 2) }
            .Where(s => s is not { } p || g.Axes[p.A].In > 1 || g.Axes[p.B].In > 1).ToList();
        foreach (var (channels, what) in ChannelOrders(g))
        foreach (var swap in swaps)
        {
            if (channels is null && swap is null) continue;
            var parts = new[] { what, swap is { } s ? $"{names[s.A]} and {names[s.B]} swapped" : null }.OfType<string>();
            yield return new(SearchModels.InputAddressing, $"input read with {string.Join(", ", parts)}",
                new KernelMapping(Input: new InputRead(channels, swap)));
        }
        foreach (var shift in Shifts)
        foreach (var axis in new[] { 2, 1, 0 })
        {
            var arithmetic = new AxisArithmetic(PadBeginShift: shift);
            if (!arithmetic.DiffersOn(g.Axes[axis])) continue;
            var axes = new[] { AxisArithmetic.Correct, AxisArithmetic.Correct, AxisArithmetic.Correct };
            axes[axis] = arithmetic;
            yield return new(SearchModels.PadOffset, $"begin pad of {names[axis]} off by {shift:+0;-0}", new KernelMapping(Axes: axes));
        }
        if (g.Groups > 1)
        {
            var reads = new int[g.C * g.Mg * memory.Taps];
            for (var i = 0; i < reads.Length; i++) reads[i] = i % (g.Cg * g.Mg * memory.Taps);
            yield return new(SearchModels.WeightsGroupStride, "every group's weights read from group 0", new KernelMapping(WeightRead: reads));
        }
    }

    /// <summary>Input channel orders a kernel may take, as the channel read for each channel the weights are read for.</summary>
    private static IEnumerable<(int[]? Channels, string? What)> ChannelOrders(DeconvGeometry g)
    {
        yield return (null, null);
        if (g.C == 1) yield break;
        var cg = g.Cg;
        yield return (Map(g, ic => g.C - 1 - ic), "channels reversed");
        if (g.Groups > 1)
        {
            yield return (Map(g, ic => (ic / cg * cg) + cg - 1 - (ic % cg)), "channels reversed within each group");
            yield return (Map(g, ic => (ic % cg * g.Groups) + (ic / cg)), "groups interleaved (channel c of group g at c*G + g)");
            yield return (Map(g, ic => ic % cg), "every group's channels from group 0");
        }
        foreach (var r in new[] { 1, -1 })
        {
            yield return (Map(g, ic => (ic + r + g.C) % g.C), $"channels rotated by {r:+0;-0}");
            if (g.Groups > 1 && cg > 1)
                yield return (Map(g, ic => (ic / cg * cg) + ((ic % cg) + r + cg) % cg), $"channels rotated by {r:+0;-0} within each group");
        }
    }

    private static int[] Map(DeconvGeometry g, Func<int, int> channel) => Enumerable.Range(0, g.C).Select(channel).ToArray();
}
