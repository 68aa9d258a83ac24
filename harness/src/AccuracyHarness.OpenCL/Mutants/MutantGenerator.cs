using AccuracyHarness.Core.Diagnosis.Search;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Mutants;

/// <summary>
/// Writes random index-mapping faults into the direct kernel (<c>deconv_direct.cl</c>), seeded, each with its own model
/// as a <see cref="KernelMapping"/>: weight axis orders and flips, swapped input coordinates, input and output channel
/// orders, batches mixed up, begin pads off by one or two, taps or channels dropped or doubled, the bias dropped or
/// doubled, a group's weights or inputs read from group 0. The same seed writes the same mutants.
/// </summary>
public static class MutantGenerator
{
    private const string WeightRead = "WEI_IDX(ic, m, tz, ty, tx)";
    private const string InputRead = "IN_IDX(n, ic, ";
    private const string Product = "acc += (LOAD_SRC(input";
    private const string FirstLocal = "    const int mg = OC / G;";
    private const string GroupAndM = "const int group = oc / mg;\n    const int m = oc % mg;";
    private const string BiasInit = "ACC_T acc = HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f;";
    private const string ChannelLine = "const int ic = group * cg + c;";
    private static readonly string[] TapNames = ["tz", "ty", "tx"];
    private static readonly string[] AxisNames = ["z", "y", "x"];
    private static readonly string[] PadNames = ["oz + PD0", "oy + PH0", "ox + PW0"];

    private static readonly string[] SkipLines =
    [
        "if (nz < 0 || nz % SD != 0 || nz / SD >= ID) continue;",
        "if (ny < 0 || ny % SH != 0 || ny / SH >= IH) continue;",
        "if (nx < 0 || nx % SW != 0 || nx / SW >= IW) continue;",
    ];

    private delegate GeneratedMutant Kind(Random random, string name);

    private static readonly Kind[] Kinds =
    [
        WeightsOrder, InputSwap, InputChannels, OutputChannels, Batches, PadOffset, Taps, Channels, Bias, GroupZero,
    ];

    public static IReadOnlyList<GeneratedMutant> Generate(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Kinds[random.Next(Kinds.Length)](random, $"gen-{seed}-{i}"))];
    }

    private static GeneratedMutant Make(string name, string description, Func<string, string> patch, Func<CaseMemory, KernelMapping> planted) =>
        new(name, description, patch(KernelSource.DeconvDirect.Text), planted);

    private static string Patch(string s, string find, string replace) => MutantCatalogue.Patch(s, find, replace);

    private static GeneratedMutant WeightsOrder(Random random, string name)
    {
        string[] coords = ["ic", "m", "tz", "ty", "tx"];
        string[] sizes = ["IC", "(OC / G)", "KD", "KH", "KW"];
        int[] order;
        int[] flips;
        do
        {
            order = [.. Enumerable.Range(0, 5).OrderBy(_ => random.Next())];
            flips = [.. Enumerable.Range(2, 3).Where(_ => random.Next(3) == 0)];
        }
        while (flips.Length == 0 && order.SequenceEqual([0, 1, 2, 3, 4]));
        string Coord(int a) => flips.Contains(a) ? $"({sizes[a]} - 1 - {coords[a]})" : coords[a];
        var index = order.Skip(1).Aggregate($"(long)({Coord(order[0])})", (acc, a) => $"({acc}) * {sizes[a]} + {Coord(a)}");
        var description = $"weights read as [{string.Join("][", order.Select(a => coords[a]))}]"
            + (flips.Length > 0 ? $", flipped on {string.Join(", ", flips.Select(a => AxisNames[a - 2]))}" : "");
        return Make(name, description, s => Patch(s, WeightRead, index), memory =>
        {
            var g = memory.Geometry;
            return new KernelMapping(WeightRead: WeightOrders.Reads([g.C, g.Mg, g.Z.Kernel, g.Y.Kernel, g.X.Kernel], order, flips));
        });
    }

    private static GeneratedMutant InputSwap(Random random, string name)
    {
        var pairs = new[] { (1, 2), (0, 1), (0, 2) };
        var (a, b) = pairs[random.Next(pairs.Length)];
        string[] args = ["nz / SD", "ny / SH", "nx / SW"];
        var swapped = (string[])args.Clone();
        (swapped[a], swapped[b]) = (args[b], args[a]);
        return Make(name, $"input read with {AxisNames[a]} and {AxisNames[b]} swapped",
            s => Patch(s, $"{InputRead}{string.Join(", ", args)})", $"{InputRead}{string.Join(", ", swapped)})"),
            _ => new KernelMapping(Input: new InputRead(Swap: (a, b))));
    }

    private static GeneratedMutant InputChannels(Random random, string name)
    {
        var choices = new (string Expression, string What, Func<DeconvGeometry, int, int> Map)[]
        {
            ("IC - 1 - ic", "input channels reversed", (g, ic) => g.C - 1 - ic),
            ("group * cg + cg - 1 - c", "input channels reversed within each group", (g, ic) => (ic / g.Cg * g.Cg) + g.Cg - 1 - (ic % g.Cg)),
            ("(ic + 1) % IC", "input channels rotated by one", (g, ic) => (ic + 1) % g.C),
        };
        var (expression, what, map) = choices[random.Next(choices.Length)];
        return Make(name, what, s => Patch(s, InputRead, $"IN_IDX(n, {expression}, "), memory =>
        {
            var g = memory.Geometry;
            return new KernelMapping(Input: new InputRead(Channels: [.. Enumerable.Range(0, g.C).Select(ic => map(g, ic))]));
        });
    }

    private static GeneratedMutant OutputChannels(Random random, string name)
    {
        switch (random.Next(3))
        {
            case 0:
                return Make(name, "output channels reversed", s => Patch(s, FirstLocal, "    oc = OC - 1 - oc;\n" + FirstLocal),
                    memory => new KernelMapping(ChannelSource: [.. Enumerable.Range(0, memory.Geometry.M).Select(k => memory.Geometry.M - 1 - k)]));
            case 1:
                return Make(name, "output channels rotated by one", s => Patch(s, FirstLocal, "    oc = (oc + 1) % OC;\n" + FirstLocal),
                    memory => new KernelMapping(ChannelSource: [.. Enumerable.Range(0, memory.Geometry.M).Select(k => (k + 1) % memory.Geometry.M)]));
            default:
                return Make(name, "groups interleaved in the output channels (group = oc % G)",
                    s => Patch(Patch(s, GroupAndM, "const int group = oc % G;\n    const int m = oc / G;"), BiasInit,
                        "ACC_T acc = HAS_BIAS ? LOAD_BIAS(bias, group * mg + m) : 0.0f;"),
                    memory =>
                    {
                        var g = memory.Geometry;
                        return new KernelMapping(ChannelSource: [.. Enumerable.Range(0, g.M).Select(k => (k % g.Groups * g.Mg) + (k / g.Groups))]);
                    });
        }
    }

    private static GeneratedMutant Batches(Random random, string name) =>
        Make(name, "batches reversed", s => Patch(s, FirstLocal, "    n = N - 1 - n;\n" + FirstLocal),
            memory => new KernelMapping(BatchSource: [.. Enumerable.Range(0, memory.Geometry.Batch).Select(k => memory.Geometry.Batch - 1 - k)]));

    private static GeneratedMutant PadOffset(Random random, string name)
    {
        var axis = random.Next(3);
        var shift = new[] { -2, -1, 1, 2 }[random.Next(4)];
        return Make(name, $"begin pad of {AxisNames[axis]} off by {shift:+0;-0}",
            s => Patch(s, PadNames[axis], $"{PadNames[axis]} + ({shift})"),
            _ =>
            {
                var axes = new[] { AxisArithmetic.Correct, AxisArithmetic.Correct, AxisArithmetic.Correct };
                axes[axis] = new AxisArithmetic(PadBeginShift: shift);
                return new KernelMapping(Axes: axes);
            });
    }

    private static GeneratedMutant Taps(Random random, string name)
    {
        var axis = random.Next(3);
        var value = random.Next(2);
        var doubled = random.Next(2) == 1;
        var condition = $"{TapNames[axis]} == {value}";
        return Make(name, $"taps with {AxisNames[axis]}={value} {(doubled ? "doubled" : "dropped")}",
            s => doubled
                ? Patch(s, Product, $"acc += ({condition} ? 2.0f : 1.0f) * (LOAD_SRC(input")
                : Patch(s, SkipLines[axis], $"{SkipLines[axis]}\n                if ({condition}) continue;"),
            memory =>
            {
                var g = memory.Geometry;
                var factors = new double[memory.Taps];
                for (var t = 0; t < factors.Length; t++)
                {
                    int[] coords = [t / (g.Y.Kernel * g.X.Kernel), t / g.X.Kernel % g.Y.Kernel, t % g.X.Kernel];
                    factors[t] = coords[axis] == value ? (doubled ? 2 : 0) : 1;
                }
                return new KernelMapping(TapFactor: factors);
            });
    }

    private static GeneratedMutant Channels(Random random, string name)
    {
        var value = random.Next(2);
        var doubled = random.Next(2) == 1;
        return Make(name, $"input channel {value} of each group {(doubled ? "doubled" : "dropped")}",
            s => doubled
                ? Patch(s, Product, $"acc += (c == {value} ? 2.0f : 1.0f) * (LOAD_SRC(input")
                : Patch(s, ChannelLine, $"{ChannelLine}\n        if (c == {value}) continue;"),
            memory => new KernelMapping(ChannelFactor: [.. Enumerable.Range(0, memory.Geometry.Cg).Select(c => c == value ? (doubled ? 2.0 : 0) : 1)]));
    }

    private static GeneratedMutant Bias(Random random, string name)
    {
        var doubled = random.Next(2) == 1;
        return Make(name, doubled ? "bias doubled" : "bias dropped",
            s => Patch(s, BiasInit, doubled ? "ACC_T acc = HAS_BIAS ? 2.0f * LOAD_BIAS(bias, oc) : 0.0f;" : "ACC_T acc = 0.0f;"),
            _ => new KernelMapping(BiasFactor: doubled ? 2 : 0));
    }

    private static GeneratedMutant GroupZero(Random random, string name) =>
        random.Next(2) == 0
            ? Make(name, "every group's weights read from group 0", s => Patch(s, WeightRead, "WEI_IDX(c, m, tz, ty, tx)"), memory =>
            {
                var g = memory.Geometry;
                var perGroup = g.Cg * g.Mg * memory.Taps;
                return new KernelMapping(WeightRead: [.. Enumerable.Range(0, g.C * g.Mg * memory.Taps).Select(i => i % perGroup)]);
            })
            : Make(name, "every group's input channels read from group 0", s => Patch(s, InputRead, "IN_IDX(n, c, "),
                memory => new KernelMapping(Input: new InputRead(Channels: [.. Enumerable.Range(0, memory.Geometry.C).Select(ic => ic % memory.Geometry.Cg)])));
}
