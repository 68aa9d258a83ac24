using AccuracyHarness.Core.Cases;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Generation;

/// <summary>FsCheck generators of valid cases, with shrinking towards smaller valid cases.</summary>
public static class CaseGen
{
    public static Arbitrary<DeconvCase> Arbitrary(CaseSpace? space = null) =>
        Arb.From(Generator(space ?? new CaseSpace()), Shrink);

    /// <remarks>
    /// Zero points, scales and post-ops are drawn only for a space that asks for them, so that the cases every
    /// other space draws from a seed stay what they were.
    /// </remarks>
    public static Gen<DeconvCase> Generator(CaseSpace space) =>
        space.DataTypes.Any(t => t.IsQuantized) || space.PostOpChains.Any(p => !p.IsNone)
            ? Shapes(space).SelectMany(c => Attributes(c, space))
            : Shapes(space);

    private static Gen<DeconvCase> Attributes(DeconvCase c, CaseSpace space) =>
        from zps in Gen.Elements(ZeroPoint.None, new ZeroPoint(3, false), new ZeroPoint(0, PerChannel: true))
        from zpd in Gen.Elements(0, 5)
        from perChannel in Gen.Elements(false, true)
        from post in Gen.Elements(space.PostOpChains.ToArray())
        select (c with { SourceZeroPoint = zps, DestinationZeroPoint = zpd, PerChannelWeightScales = perChannel, PostOps = post })
            .WithTypes(c.Types);

    private static Gen<DeconvCase> Shapes(CaseSpace space) =>
        from rank in Gen.Elements(space.Ranks.ToArray())
        from shape in AxesGen(rank, space)
        from groups in Gen.Choose(1, space.MaxGroups)
        from cg in Gen.Choose(1, space.MaxChannelsPerGroup)
        from mg in Gen.Choose(1, space.MaxChannelsPerGroup)
        // A blocked layout's tail block is only exercised above 16 channels: now and then go there.
        from wideOut in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from batch in Gen.Choose(1, 2)
        from padding in Gen.Elements(PaddingKind.Explicit, PaddingKind.Explicit, PaddingKind.Explicit, PaddingKind.Auto, PaddingKind.Shape)
        from autoPad in Gen.Elements(AutoPad.SameUpper, AutoPad.SameLower, AutoPad.Valid)
        from shapeDelta in Gen.ListOf(Gen.Choose(-2, 1), rank)
        from bias in Gen.Elements(false, true)
        from dtype in Gen.Elements(space.DataTypes.ToArray())
        from layout in Gen.Elements(space.Layouts.ToArray())
        from fill in Gen.Elements(space.Fills.ToArray())
        from seed in Gen.Choose(1, 1_000_000)
        let c = Build(rank, shape, groups, cg, wideOut ? 17 : mg, batch, padding, autoPad, shapeDelta.ToArray(), bias, dtype, layout, fill,
            (ulong)seed, space)
        where IsValid(c)
        select c;

    private enum PaddingKind { Explicit, Auto, Shape }

    private sealed record AxisDraw(int In, int Kernel, int Stride, int Dilation, int PadBegin, int PadEnd, int OutputPadding);

    private static Gen<AxisDraw[]> AxesGen(int rank, CaseSpace space)
    {
        var maxIn = rank == 3 ? 3 : 5;
        var maxK = rank == 3 ? 2 : 3;
        var axis =
            from input in Gen.Choose(1, maxIn)
            from kernel in Gen.Choose(1, maxK)
            from stride in Gen.Choose(1, space.MaxStride)
            from dilation in Gen.Choose(1, space.MaxDilation)
            from pb in Gen.Choose(0, ((kernel - 1) * dilation) + 1)
            from pe in Gen.Choose(0, ((kernel - 1) * dilation) + 1)
            from op in Gen.Choose(0, Math.Max(stride, dilation) - 1)
            select new AxisDraw(input, kernel, stride, dilation, pb, pe, op);
        return Gen.ListOf(axis, rank).Select(list => list.ToArray());
    }

    private static DeconvCase Build(
        int rank, AxisDraw[] axes, int groups, int cg, int mg, int batch, PaddingKind padding, AutoPad autoPad,
        int[] shapeDelta, bool bias, CaseTypes dtype, LayoutFamily layout, FillMode fill, ulong seed, CaseSpace space)
    {
        Dims Of(Func<AxisDraw, int> f) => Dims.From(axes.Select(f));
        var kind = padding switch
        {
            PaddingKind.Auto when space.AutoPad => PaddingKind.Auto,
            PaddingKind.Shape when space.OutputShape => PaddingKind.Shape,
            _ => PaddingKind.Explicit,
        };
        var natural = axes.Select(a => (int)Problem.NaturalSize(a.In, a.Kernel, a.Stride, a.Dilation, a.OutputPadding)).ToArray();
        return DeconvCase.Create(
            inChannels: groups * cg,
            outChannels: groups * mg,
            input: Of(a => a.In),
            kernel: Of(a => a.Kernel),
            batch: batch,
            groups: groups,
            strides: Of(a => a.Stride),
            dilations: Of(a => a.Dilation),
            padsBegin: kind == PaddingKind.Explicit ? Of(a => a.PadBegin) : Dims.Fill(rank, 0),
            padsEnd: kind == PaddingKind.Explicit ? Of(a => a.PadEnd) : Dims.Fill(rank, 0),
            outputPadding: Of(a => a.OutputPadding),
            autoPad: kind == PaddingKind.Auto ? autoPad : AutoPad.NotSet,
            outputShape: kind == PaddingKind.Shape ? Dims.From(natural.Select((n, i) => Math.Max(1, n + shapeDelta[i]))) : null,
            hasBias: bias,
            types: dtype,
            layout: layout,
            seed: seed,
            fill: fill);
    }

    public static bool IsValid(DeconvCase c)
    {
        try
        {
            c.Resolve();
            return true;
        }
        catch (InvalidCaseException)
        {
            return false;
        }
    }

    /// <summary>
    /// Smaller valid variants of a case, simplest first: fewer batches, groups and channels,
    /// smaller spatial sizes, unit strides and dilations, no pads, no bias, plain layout and f32.
    /// </summary>
    public static IEnumerable<DeconvCase> Shrink(DeconvCase c)
    {
        IEnumerable<DeconvCase> Candidates()
        {
            if (c.Batch > 1) yield return c with { Batch = 1 };
            if (c.Groups > 1)
            {
                yield return c with { Groups = 1, InChannels = c.InChannels / c.Groups, OutChannels = c.OutChannels / c.Groups };
                yield return c with { Groups = 1 };
            }
            var cg = c.InChannels / c.Groups;
            var mg = c.OutChannels / c.Groups;
            if (cg > 1) yield return c with { InChannels = c.Groups * (cg / 2) };
            if (mg > 1) yield return c with { OutChannels = c.Groups * (mg / 2) };
            if (c.HasBias) yield return c with { HasBias = false };
            if (c.OutputShape is not null) yield return c with { OutputShape = null };
            if (c.AutoPad != AutoPad.NotSet) yield return c with { AutoPad = AutoPad.NotSet };
            foreach (var v in ShrinkAxes(c.Input, 1)) yield return c with { Input = v, OutputShape = null };
            foreach (var v in ShrinkAxes(c.Kernel, 1)) yield return c with { Kernel = v, OutputShape = null };
            foreach (var v in ShrinkAxes(c.Strides, 1)) yield return c with { Strides = v, OutputShape = null };
            foreach (var v in ShrinkAxes(c.Dilations, 1)) yield return c with { Dilations = v, OutputShape = null };
            foreach (var v in ShrinkAxes(c.PadsBegin, 0)) yield return c with { PadsBegin = v };
            foreach (var v in ShrinkAxes(c.PadsEnd, 0)) yield return c with { PadsEnd = v };
            foreach (var v in ShrinkAxes(c.OutputPadding, 0)) yield return c with { OutputPadding = v, OutputShape = null };
            if (c.Layout != LayoutFamily.Nchw) yield return c with { Layout = LayoutFamily.Nchw };
            if (!c.PostOps.IsNone) yield return c with { PostOps = PostOps.None };
            if (!c.SourceZeroPoint.IsNone) yield return c with { SourceZeroPoint = ZeroPoint.None };
            if (c.DestinationZeroPoint != 0) yield return c with { DestinationZeroPoint = 0 };
            if (c.PerChannelWeightScales) yield return c with { PerChannelWeightScales = false };
            if (c.Types != CaseTypes.F32) yield return c.WithTypes(CaseTypes.F32);
        }
        return Candidates().Where(IsValid);
    }

    /// <summary>Per axis: the floor value, then halfway, then one less.</summary>
    private static IEnumerable<Dims> ShrinkAxes(Dims values, int floor)
    {
        for (var a = 0; a < values.Count; a++)
        {
            var v = values[a];
            if (v <= floor) continue;
            foreach (var smaller in new[] { floor, floor + ((v - floor) / 2), v - 1 }.Distinct().Where(s => s < v))
            {
                var copy = values.ToArray();
                copy[a] = smaller;
                yield return new Dims(copy);
            }
        }
    }
}
