using System.Globalization;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// Which of its two kernels <c>opencl-direct</c> runs: <c>deconv_direct.cl</c> (one work-item per
/// output element, the readable one) for small cases, <c>deconv_tiled.cl</c> (output channels per
/// work-item, weights in local memory, the problem baked in) from <see cref="TiledFrom"/>
/// multiply-adds on. Option <c>direct-kernel</c> = simple | tiled forces one.
/// </summary>
public sealed record DirectKernelChoice(DirectKernelChoice.Mode Use)
{
    public static readonly BackendOption Option = new("direct-kernel",
        "Kernel of opencl-direct: auto (the tiled kernel from 1e8 multiply-adds on; default), simple or tiled.",
        "auto|simple|tiled");

    /// <summary>
    /// From here on a case is worth one program build per shape (the problem baked in, about a
    /// second on PoCL): the simple kernel takes about as long for 1e8 multiply-adds. Smaller
    /// cases, many and quick (the nightly's are below 2e7), keep one program for every shape.
    /// </summary>
    public const double TiledFrom = 1e8;

    /// <summary>Work-items per work-group of the tiled kernel.</summary>
    private const int LocalSize = 64;

    /// <summary>The weights a work-group stages at once, in floats: within the 32 KiB every device has.</summary>
    private const int LocalFloats = 4096;

    public enum Mode { Auto, Simple, Tiled }

    public static DirectKernelChoice Default => new(Mode.Auto);

    public static DirectKernelChoice From(BackendSettings settings) =>
        new(settings.Choice(Option, Enum.GetValues<Mode>(), Name, Mode.Auto));

    /// <summary>The option that gives this choice again (empty for auto).</summary>
    public string ReproArguments => Option.Repro(Name(Use), Name(Mode.Auto));

    private static string Name(Mode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The kernel for a case, its number of work-items, and whether the problem is baked in.</summary>
    public (KernelSource Source, long WorkItems, bool BakeConstants) For(Problem p)
    {
        var c = p.Case;
        var axes = p.Axes3D();
        var taps = axes.Aggregate(1, (product, a) => product * a.Kernel);
        var mg = c.OutChannels / c.Groups;
        var channelsPerItem = Math.Min(16, mg);
        var tiledFits = channelsPerItem * taps <= LocalFloats;
        var tiled = Use switch
        {
            Mode.Tiled => tiledFits,
            Mode.Simple => false,
            _ => tiledFits && p.MultiplyAdds() >= TiledFrom,
        };
        var layout = DataLayout.ForOutput(p);
        if (!tiled) return (KernelSource.DeconvDirect, layout.PhysicalLength, false);

        var (z, y, x) = (axes[0], axes[1], axes[2]);
        var perPhase = (x.Out + x.Stride - 1) / x.Stride;
        long spatial = (long)z.Out * y.Out * x.Stride * perPhase;
        var padded = (spatial + LocalSize - 1) / LocalSize * LocalSize;
        var blocks = (mg + channelsPerItem - 1) / channelsPerItem;
        var physicalChannels = layout.PhysicalLength / ((long)c.Batch * z.Out * y.Out * x.Out);
        var chunk = Math.Clamp(LocalFloats / (channelsPerItem * taps), 1, 16);
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-D OCB={channelsPerItem} -D CCH={chunk} -D LS={LocalSize} -D NKX={perPhase} -D OC_PHYS={physicalChannels}");
        return (KernelSource.DeconvTiled with { BuildOptions = options }, padded * c.Groups * blocks * c.Batch, true);
    }
}
