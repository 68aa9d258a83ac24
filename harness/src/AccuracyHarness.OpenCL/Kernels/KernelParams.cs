using System.Collections.Immutable;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>
/// The problem macros of the kernel contract (docs/ARCHITECTURE.md section 9.3), in the order of the
/// <c>params</c> buffer: <c>params[i]</c> holds <c>Names[i]</c>. Spatial values are (z, y, x)
/// with unit axes in front for lower ranks.
/// </summary>
public sealed record KernelParams
{
    public static readonly ImmutableArray<string> Names = ProblemMacros.Names;

    private KernelParams(ImmutableArray<int> values) => Values = values;

    public ImmutableArray<int> Values { get; }

    public int this[string name] => Values[Names.IndexOf(name)];

    /// <summary>The deconvolution as the case states it (role <c>deconv</c>).</summary>
    public static KernelParams ForDeconvolution(Problem p)
    {
        var c = p.Case;
        var axes = p.Axes3D();
        return Of(c.Batch, c.InChannels, c.OutChannels, c.Groups,
            axes.Select(a => a.In), axes.Select(a => a.Out), axes.Select(a => a.Kernel), axes.Select(a => a.Stride),
            axes.Select(a => a.PadBegin), axes.Select(a => a.PadEnd), axes.Select(a => a.Dilation), axes.Select(a => a.OutputPadding),
            c.HasBias);
    }

    /// <summary>The rewritten convolution (roles <c>conv</c> and <c>weights_reorder</c>); output padding is folded into the end
    /// pads.</summary>
    public static KernelParams ForConvolution(ConvGeometry g, Dims padsEnd, bool hasBias) =>
        Of(g.Batch, g.InChannels, g.OutChannels, g.Groups,
            Spatial(g.Input, 1), Spatial(g.Output, 1), Spatial(g.Kernel, 1), Spatial(g.Strides, 1),
            Spatial(g.PadsBegin, 0), Spatial(padsEnd, 0), Spatial(g.Dilations, 1), Spatial(Dims.Fill(g.Rank, 0), 0),
            hasBias);

    /// <summary>
    /// Zero insertion: "input" is the case's input, "output" the input with s-1 zeros between
    /// elements on every axis (channels unchanged, so OC = IC), strides the case's strides.
    /// </summary>
    public static KernelParams ForZeroInsertion(Problem p, Dims dilatedInput)
    {
        var c = p.Case;
        var unit = Dims.Fill(p.Rank, 1);
        var zero = Dims.Fill(p.Rank, 0);
        return Of(c.Batch, c.InChannels, c.InChannels, 1,
            Spatial(c.Input, 1), Spatial(dilatedInput, 1), Spatial(unit, 1), Spatial(c.Strides, 1),
            Spatial(zero, 0), Spatial(zero, 0), Spatial(unit, 1), Spatial(zero, 0),
            false);
    }

    private static IEnumerable<int> Spatial(Dims values, int unit) =>
        Enumerable.Repeat(unit, 3 - values.Count).Concat(values);

    private static KernelParams Of(
        int n, int ic, int oc, int g,
        IEnumerable<int> input, IEnumerable<int> output, IEnumerable<int> kernel, IEnumerable<int> strides,
        IEnumerable<int> padsBegin, IEnumerable<int> padsEnd, IEnumerable<int> dilations, IEnumerable<int> outputPadding,
        bool hasBias)
    {
        var values = new[] { n, ic, oc, g }
            .Concat(input).Concat(output).Concat(kernel).Concat(strides)
            .Concat(padsBegin).Concat(padsEnd).Concat(dilations).Concat(outputPadding)
            .Append(hasBias ? 1 : 0)
            .ToImmutableArray();
        if (values.Length != Names.Length)
            throw new ArgumentException(
                $"kernel parameters need 3 values per spatial list; got {values.Length} values for {Names.Length} names");
        return new KernelParams(values);
    }
}

