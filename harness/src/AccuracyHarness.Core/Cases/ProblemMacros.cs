using System.Collections.Immutable;

namespace AccuracyHarness.Core.Cases;

/// <summary>
/// The problem macros of the kernel contract (README "Your own kernels"): one integer per name,
/// spatial values as (z, y, x) with unit axes in front for lower ranks. Kernels see them in their
/// header; manifests' <c>global</c>, <c>local</c>, <c>defines</c> and <c>args</c> expressions use them by name.
/// </summary>
public static class ProblemMacros
{
    public static readonly ImmutableArray<string> Names =
    [
        "N", "IC", "OC", "G",
        "ID", "IH", "IW",
        "OD", "OH", "OW",
        "KD", "KH", "KW",
        "SD", "SH", "SW",
        "PD0", "PH0", "PW0",
        "PD1", "PH1", "PW1",
        "DD", "DH", "DW",
        "OPD", "OPH", "OPW",
        "HAS_BIAS",
    ];

    /// <summary>The values of <see cref="Names"/>, in their order, for the deconvolution as the case states it.</summary>
    public static int[] Values(Problem p)
    {
        var c = p.Case;
        var axes = p.Axes3D();
        return new[] { c.Batch, c.InChannels, c.OutChannels, c.Groups }
            .Concat(axes.Select(a => a.In)).Concat(axes.Select(a => a.Out)).Concat(axes.Select(a => a.Kernel))
            .Concat(axes.Select(a => a.Stride)).Concat(axes.Select(a => a.PadBegin)).Concat(axes.Select(a => a.PadEnd))
            .Concat(axes.Select(a => a.Dilation)).Concat(axes.Select(a => a.OutputPadding))
            .Append(c.HasBias ? 1 : 0)
            .ToArray();
    }
}
