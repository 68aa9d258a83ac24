namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// The weight buffer read under another order of its axes and with spatial flips: the kernel computes a flat index
/// as if the buffer were laid out [d0][d1]... in another order of the logical axes (group, channel within group,
/// output channel within group, taps z, y, x; the group and channel axes are one, ic, without groups). Axes of size
/// 1 are left out, so every order listed reads something else. Simplest first: fewest axes out of place and flips.
/// </summary>
public static class WeightOrders
{
    public static IEnumerable<MappingHypothesis> All(CaseMemory memory)
    {
        var g = memory.Geometry;
        var grouped = g.Groups > 1;
        var names = grouped ? new[] { "g", "c", "m", "kz", "ky", "kx" } : ["ic", "m", "kz", "ky", "kx"];
        var sizes = grouped
            ? new[] { g.Groups, g.Cg, g.Mg, g.Z.Kernel, g.Y.Kernel, g.X.Kernel }
            : [g.C, g.Mg, g.Z.Kernel, g.Y.Kernel, g.X.Kernel];
        var axes = Enumerable.Range(0, sizes.Length).Where(a => sizes[a] > 1).ToArray();
        var taps = axes.Where(a => a >= sizes.Length - 3).ToArray();
        var orders = Permutations(axes).Select(o => (Order: o, Inversions: Inversions(o))).ToList();
        var flips = Enumerable.Range(0, 1 << taps.Length)
            .Select(mask => taps.Where((_, i) => (mask >> i & 1) == 1).ToArray()).ToList();
        return orders.SelectMany(o => flips.Select(f => (o.Order, Flips: f, Rank: o.Inversions + f.Length)))
            .Where(h => h.Rank > 0)
            .OrderBy(h => h.Rank)
            .Select(h => new MappingHypothesis(SearchModels.WeightsAxisOrder, Describe(names, h.Order, h.Flips),
                new KernelMapping(WeightRead: Reads(sizes, h.Order, h.Flips))));
    }

    /// <summary>For each logical weight index, the buffer index a kernel reads when it takes the buffer in this order.</summary>
    public static int[] Reads(int[] sizes, int[] order, int[] flips)
    {
        var length = sizes.Aggregate(1, (a, b) => a * b);
        var reads = new int[length];
        var coords = new int[sizes.Length];
        for (var i = 0; i < length; i++)
        {
            var rest = i;
            for (var a = sizes.Length - 1; a >= 0; a--)
            {
                coords[a] = rest % sizes[a];
                rest /= sizes[a];
            }
            foreach (var a in flips) coords[a] = sizes[a] - 1 - coords[a];
            var read = 0;
            foreach (var a in order) read = (read * sizes[a]) + coords[a];
            reads[i] = read;
        }
        return reads;
    }

    private static string Describe(string[] names, int[] order, int[] flips)
    {
        var layout = $"buffer read as [{string.Join("][", order.Select(a => names[a]))}]";
        return flips.Length == 0 ? layout : $"{layout}, taps flipped on {string.Join(", ", flips.Select(a => names[a][1..]))}";
    }

    private static int Inversions(int[] order) =>
        Enumerable.Range(0, order.Length).Sum(i => order.Skip(i + 1).Count(b => b < order[i]));

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany(first => Permutations(items.Where(i => i != first).ToArray()).Select(rest => (int[])[first, .. rest]));
}
