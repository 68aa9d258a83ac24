using System.Collections.Immutable;
using System.Globalization;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>
/// How <c>tiled.cl</c> is built and launched for one problem, in either of its forms: the tile
/// of a work-item (VW lanes along x times XB vectors, OCB output channels) and the kernel's size, baked
/// into the program, and the values the kernel reads from <c>params</c> past the problem's, so that one
/// program serves every shape of that tile and kernel size.
/// </summary>
public static class TiledLaunch
{
    /// <summary>
    /// Work-items per work-group, the same for every shape: PoCL compiles a kernel again for each work-group size it
    /// is launched with. A tiled work-item is long (a tile's sums over every input channel and tap), so a group's own
    /// overhead is small, and small groups keep both cores busy on the smallest ranges (64 measured no faster on
    /// cases/perf).
    /// </summary>
    public const long WorkGroup = 16;

    /// <summary>Lanes per vector: AVX-512's width in floats, which PoCL's CPU target uses.</summary>
    private const int VectorWidth = 16;

    /// <summary>
    /// Accumulator vectors per work-item, of AVX-512's 32 registers (the inputs and a weight need
    /// some too). 16 measured best over cases/perf (PoCL 3.1); 32 (16 channels by 2 vectors) was
    /// faster on some layers and up to 2x slower on others.
    /// </summary>
    private const int Accumulators = 16;

    /// <summary>
    /// The kernel for a deconvolution or, with <paramref name="convolution"/>, a convolution; its <c>params</c> values (the
    /// problem's, then NKX, OC_PHYS and ITEMS as tiled.cl reads them); and its number of work-items.
    /// </summary>
    public static (KernelSource Source, ImmutableArray<int> Params, long WorkItems) For(
        KernelParams p, bool convolution, DataLayout output)
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
        long items = (long)p["N"] * p["G"] * channelBlocks * p["OD"] * p["OH"] * phases * positionBlocks;
        // A stride-1 convolution's lanes read neighbouring inputs: the compiler loads them as one vector only if it knows.
        var laneStep = convolution && p["SW"] == 1 ? " -D LANE_STEP=1" : "";
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-D VW={VectorWidth} -D XB={vectors} -D OCB={channelsPerItem} -D TILE_KD={p["KD"]} -D TILE_KH={p["KH"]} "
            + $"-D TILE_KW={p["KW"]} -D TILE_ARGS={KernelParams.Names.Length}{laneStep}");
        var source = convolution ? KernelSource.ConvTiled : KernelSource.DeconvTiled;
        ImmutableArray<int> values = [.. p.Values, perPhase, checked((int)physicalChannels), checked((int)items)];
        return (source with { BuildOptions = $"{source.BuildOptions} {options}".Trim() }, values, items);
    }
}
