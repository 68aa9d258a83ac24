using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// The catalogue of fault models (docs/ARCHITECTURE.md section 8), keyed by name. Each is the reference run
/// on transformed weights, inputs or geometry, so it shares the reference's clarity.
/// </summary>
public static class FaultCatalogue
{
    public const string WeightsNotFlipped = "weights-not-flipped";
    public const string WeightsFlippedOneAxis = "weights-flipped-one-axis";
    public const string ChannelsNotSwapped = "channels-not-swapped";
    public const string NotFlippedNotSwapped = "not-flipped-not-swapped";
    public const string DilationDropped = "dilation-dropped";
    public const string PadBeginOffByOne = "pad-begin-off-by-one";
    public const string PadsSwapped = "pads-swapped";
    public const string OutputPaddingDropped = "output-padding-dropped";
    public const string GroupOffsetWrong = "group-offset-wrong";
    public const string BiasMissing = "bias-missing";
    public const string BiasDoubled = "bias-doubled";
    public const string LayoutMisread = "layout-misread";
    public const string HalfAccumulation = "half-accumulation";

    private static readonly string[] AxisNames = ["z", "y", "x"];

    public static IReadOnlyList<FaultModel> All { get; } =
    [
        new(WeightsNotFlipped, "weights not flipped (the rewrite's rotate_180 missing)",
            (p, i) => One(WeightsNotFlipped, "kernel not rotated by 180 degrees", () => Run(p, i, weights: Flip(p, i.Weights.Data, _ =>
                true)), p.Case.Kernel.Any(k => k > 1))),
        new(WeightsFlippedOneAxis, "weights flipped on one spatial axis only",
            (p, i) => p.Rank < 2 ? [] : Enumerable.Range(0, p.Rank)
                .Where(a => p.Case.Kernel.Where((k, b) => b != a).Any(k => k > 1))
                .Select(a => new Hypothesis(WeightsFlippedOneAxis, $"flipped on {Axis(p, a)} only",
                    Run(p, i, weights: Flip(p, i.Weights.Data, b => b != a))))),
        new(ChannelsNotSwapped, "in/out channels not swapped in the weights reorder (IOYX read as OIYX: the transposed reorder fault)",
            (p, i) => One(ChannelsNotSwapped, "weights read as OIYX", () =>
                Run(p, i, weights: Reinterpret(p, i.Weights.Data)), p.Cg > 1 || p.Mg > 1)),
        new(NotFlippedNotSwapped, "weights neither flipped nor channel-swapped",
            (p, i) => One(NotFlippedNotSwapped, "weights read as OIYX and not rotated", () => Run(p, i, weights: Flip(p, Reinterpret(p,
                i.Weights.Data), _ => true)), (p.Cg > 1 || p.Mg > 1) && p.Case.Kernel.Any(k => k > 1))),
        new(DilationDropped, "dilation ignored (taps treated as dense)",
            (p, i) => One(DilationDropped, "dilation 1 on every axis", () => Run(p, i, axes: Geometry(p).Axes.Select(a =>
                a with { Dilation = 1 }).ToArray()), p.Case.Dilations.Any(d => d > 1))),
        IndexFaults.Model(IndexFaults.StridePhaseFloored),
        IndexFaults.Model(IndexFaults.LowerCheckMissing),
        IndexFaults.Model(IndexFaults.UpperCheckMissing),
        IndexFaults.Model(IndexFaults.UpperLimitOffByOne),
        new(PadsSwapped, "begin and end pads swapped",
            (p, i) => One(PadsSwapped, "pads swapped on every axis",
                () => Run(p, i, axes: Geometry(p).Axes.Select(a => a with { PadBegin = a.PadEnd, PadEnd = a.PadBegin }).ToArray()),
                Enumerable.Range(0, p.Rank).Any(a => p.PadsBegin[a] != p.PadsEnd[a]))),
        IndexFaults.Model(IndexFaults.OutputPaddingAtBegin),
        IndexFaults.Model(PadBeginOffByOne),
        IndexFaults.Model(IndexFaults.DilationOnInput),
        new(OutputPaddingDropped, "output padding dropped (the last rows/columns it adds are not written)",
            (p, i) => One(OutputPaddingDropped, "output padding not computed", () => NotWritten(p, Run(p, i), c => Enumerable.Range(0,
                p.Rank).Any(a => c[2 + a] >= p.Output[a] - p.Case.OutputPadding[a])), p.Case.OutputPadding.Any(o => o > 0))),
        new(GroupOffsetWrong, "group offsets computed with the wrong channel count",
            (p, i) => p.Case.Groups == 1 || p.Cg == p.Mg ? [] :
            [
                new Hypothesis(GroupOffsetWrong, "input channel offset of a group uses M/G (inputs and weights)",
                    Run(p, i, input: GroupInputMisread(p, i.Input.Data), weights: GroupWeightsMisread(p, i.Weights.Data))),
                new Hypothesis(GroupOffsetWrong, "input channel offset of a group uses M/G (inputs only)",
                    Run(p, i, input: GroupInputMisread(p, i.Input.Data))),
                new Hypothesis(GroupOffsetWrong, "output channel offset of a group uses C/G", GroupOutputMisplaced(p, Run(p, i))),
            ]),
        IndexFaults.Model(IndexFaults.GroupOffsetMissing),
        new(BiasMissing, "bias not added",
            (p, i) => One(BiasMissing, "no bias", () => Run(p, i, bias: null), i.Bias is not null)),
        new(BiasDoubled, "bias added twice",
            (p, i) => One(BiasDoubled, "bias twice", () => Run(p, i, bias: i.Bias?.Data.Select(b => 2 * b).ToArray()), i.Bias is not null)),
        new(LayoutMisread, "data layout misread",
            (p, i) => LayoutHypotheses(p, i)),
        new(HalfAccumulation, "accumulation in half precision (whatever the storage type)",
            (p, i) => [HalfAccumulated(p, i)]),
    ];

    public static FaultModel Get(string name) =>
        All.FirstOrDefault(m => m.Name == name)
            ?? throw new KeyNotFoundException($"unknown fault model '{name}' (known: {string.Join(", ", All.Select(m => m.Name))})");

    /// <summary>The model's one hypothesis when it applies; the reference variant runs only then.</summary>
    private static IEnumerable<Hypothesis> One(string model, string detail, Func<Prediction> predict, bool applies) =>
        applies ? [new Hypothesis(model, detail, predict())] : [];

    private static DeconvGeometry Geometry(Problem p) => DeconvGeometry.Of(p);

    /// <summary>The name of spatial axis a of the case (x for the last).</summary>
    private static string Axis(Problem p, int a) => AxisNames[3 - p.Rank + a];

    private static Prediction Run(Problem p, CaseInputs i, float[]? input = null, float[]? weights = null, Axis[]? axes = null) =>
        Run(p, i, i.Bias?.Data, input, weights, axes);

    private static Prediction Run(
        Problem p, CaseInputs i, float[]? bias, float[]? input = null, float[]? weights = null, Axis[]? axes = null)
    {
        var g = axes is null ? Geometry(p) : Geometry(p).WithAxes(axes);
        return Prediction.Of(ReferenceDeconvolution.Gather(g, input ?? i.Input.Data, weights ?? i.Weights.Data, bias));
    }

    /// <summary>Weights with the kernel reversed along the chosen spatial axes.</summary>
    private static float[] Flip(Problem p, float[] w, Func<int, bool> flipAxis)
    {
        var kernel = p.Case.Kernel.ToArray();
        var mask = Enumerable.Range(0, kernel.Length).Where(flipAxis).Sum(a => 1 << a);
        var taps = kernel.Aggregate(1, (product, k) => product * k);
        var result = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
            result[i] = w[(i / taps * taps) + DeconvAsConvolution.FlipTap(i % taps, kernel, mask)];
        return result;
    }

    /// <summary>
    /// The weights an implementation sees when it indexes the IOYX buffer as OIYX: W[g*Cg+c, m] = buffer[(g*Mg+m)*Cg + c].
    /// </summary>
    private static float[] Reinterpret(Problem p, float[] w)
    {
        var taps = (int)p.Case.Kernel.Product();
        var result = new float[w.Length];
        for (var g = 0; g < p.Case.Groups; g++)
        for (var c = 0; c < p.Cg; c++)
        for (var m = 0; m < p.Mg; m++)
        {
            var effective = (((g * p.Cg) + c) * p.Mg) + m;
            var read = (((g * p.Mg) + m) * p.Cg) + c;
            Array.Copy(w, read * taps, result, effective * taps, taps);
        }
        return result;
    }

    /// <summary>The weights of input channel g*Cg + c read from channel g*Mg + c (zero where that is past C).</summary>
    private static float[] GroupWeightsMisread(Problem p, float[] w)
    {
        var block = p.Mg * (int)p.Case.Kernel.Product();
        var result = new float[w.Length];
        for (var g = 0; g < p.Case.Groups; g++)
        for (var c = 0; c < p.Cg; c++)
        {
            var read = (g * p.Mg) + c;
            if (read < p.Case.InChannels) Array.Copy(w, read * block, result, ((g * p.Cg) + c) * block, block);
        }
        return result;
    }

    private static float[] GroupInputMisread(Problem p, float[] x)
    {
        var plane = (int)p.Case.Input.Product();
        var result = new float[x.Length];
        for (var n = 0; n < p.Case.Batch; n++)
        for (var g = 0; g < p.Case.Groups; g++)
        for (var c = 0; c < p.Cg; c++)
        {
            var read = (g * p.Mg) + c;
            if (read >= p.Case.InChannels) continue;
            Array.Copy(x, ((n * p.Case.InChannels) + read) * plane, result, ((n * p.Case.InChannels) + (g * p.Cg) + c) * plane, plane);
        }
        return result;
    }

    /// <summary>
    /// Each group's outputs written at channel g*Cg + m instead of g*Mg + m; the channels nothing lands on are not written.
    /// </summary>
    private static Prediction GroupOutputMisplaced(Problem p, Prediction correct)
    {
        var plane = (int)p.Output.Product();
        return correct.Remap(i =>
        {
            var n = i / (p.Case.OutChannels * plane);
            var written = i / plane % p.Case.OutChannels;
            var g = written / p.Cg;
            var m = written % p.Cg;
            if (g >= p.Case.Groups || m >= p.Mg) return null;
            return (((n * p.Case.OutChannels) + (g * p.Mg) + m) * plane) + (i % plane);
        });
    }

    private static Prediction NotWritten(Problem p, Prediction correct, Func<int[], bool> unwritten) =>
        correct.Remap(i => unwritten(Tensor.Coordinates(p.OutputShape, i)) ? null : i);

    private static IEnumerable<Hypothesis> LayoutHypotheses(Problem p, CaseInputs i)
    {
        if (p.Case.Layout == LayoutFamily.Nchw) yield break;
        var inputLayout = DataLayout.ForInput(p);
        var outputLayout = DataLayout.ForOutput(p);
        var exact = Names.ExactLayout(p.Case.Layout, p.Rank);
        var plain = Names.ExactLayout(LayoutFamily.Nchw, p.Rank);

        // The input buffer in the case's layout, read with plain offsets.
        var packed = inputLayout.Pack(i.Input.Data);
        yield return new Hypothesis(LayoutMisread, $"input in {exact} read as {plain}",
            Run(p, i, input: packed[..(int)inputLayout.LogicalLength]));

        // The output written with plain offsets into a buffer read back in the case's layout:
        // logical element l is read from physical offset phys(l), where plain element phys(l) was written.
        var offsets = new long[outputLayout.LogicalLength];
        outputLayout.ForEach((logical, physical) => offsets[logical] = physical);
        yield return new Hypothesis(LayoutMisread, $"output written as {plain} into {exact}",
            Run(p, i).Remap(l => offsets[l] < offsets.Length ? (int)offsets[l] : null));

        if (p.Case.Layout == LayoutFamily.Blocked16 && p.Case.InChannels % DataLayout.BlockSize != 0)
        {
            var full = p.Case.InChannels / DataLayout.BlockSize * DataLayout.BlockSize;
            var plane = (int)p.Case.Input.Product();
            var dropped = (float[])i.Input.Data.Clone();
            for (var l = 0; l < dropped.Length; l++)
            {
                if ((l / plane) % p.Case.InChannels >= full) dropped[l] = 0;
            }
            yield return new Hypothesis(LayoutMisread, $"input channels {full}..{p.Case.InChannels - 1} of the blocked tail read as zero",
                Run(p, i, input: dropped));
        }
    }

    private static Hypothesis HalfAccumulated(Problem p, CaseInputs i)
    {
        var g = Geometry(p);
        var result = ReferenceDeconvolution.Gather(g, i.Input.Data, i.Weights.Data, i.Bias?.Data, v => (double)(Half)v);
        // Another summation order rounds differently: allow the half-precision summation bound.
        var slack = result.AbsSum.Select((s, e) => Tolerance.Gamma(result.Terms[e] + 1, Tolerance.UnitRoundoffF16) * s).ToArray();
        return new Hypothesis(HalfAccumulation, "products and sums rounded to f16", Prediction.Of(result) with { Slack = slack });
    }
}
