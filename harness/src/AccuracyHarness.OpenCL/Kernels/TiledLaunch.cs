using System.Globalization;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>
/// How <c>tiled.cl</c> is built and launched for one problem, in either of its forms: the tile
/// of a work-item (VW lanes along x times XB vectors, OCB output channels) and the number of
/// work-items. The problem itself is baked into the program.
/// </summary>
public static class TiledLaunch
{
    /// <summary>Lanes per vector: AVX-512's width in floats, which PoCL's CPU target uses.</summary>
    private const int VectorWidth = 16;

    /// <summary>
    /// Accumulator vectors per work-item, of AVX-512's 32 registers (the inputs and a weight need
    /// some too). 16 measured best over cases/perf (PoCL 3.1); 32 (16 channels by 2 vectors) was
    /// faster on some layers and up to 2x slower on others.
    /// </summary>
    private const int Accumulators = 16;

    /// <summary>The kernel and its work-item count for a deconvolution or, with <paramref name="convolution"/>, a convolution.</summary>
    public static (KernelSource Source, long WorkItems) For(KernelParams p, bool convolution, DataLayout output)
    {
        var mg = p["OC"] / p["G"];
        var phases = convolution ? 1 : p["SW"];
        var perPhase = (p["OW"] + phases - 1) / phases;
        var channelsPerItem = Math.Min(mg, Accumulators);
        // Few channels leave registers for more positions, up to the positions a phase has.
        var vectors = Math.Clamp(Accumulators / channelsPerItem, 1, 4);
        vectors = Math.Min(vectors, (perPhase + VectorWidth - 1) / VectorWidth);
        var positionsPerItem = VectorWidth * vectors;
        var positionBlocks = (perPhase + positionsPerItem - 1) / positionsPerItem;
        var channelBlocks = (mg + channelsPerItem - 1) / channelsPerItem;
        var physicalChannels = output.PhysicalLength / ((long)p["N"] * p["OD"] * p["OH"] * p["OW"]);
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-D VW={VectorWidth} -D XB={vectors} -D OCB={channelsPerItem} -D NKX={perPhase} -D OC_PHYS={physicalChannels}");
        var source = convolution ? KernelSource.ConvTiled : KernelSource.DeconvTiled;
        long items = (long)p["N"] * p["G"] * channelBlocks * p["OD"] * p["OH"] * phases * positionBlocks;
        return (source with { BuildOptions = $"{source.BuildOptions} {options}".Trim() }, items);
    }
}
