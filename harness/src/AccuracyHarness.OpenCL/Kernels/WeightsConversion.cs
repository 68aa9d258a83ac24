using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>The weights in the order a manifest's kernel reads (README "Manifest version 2", <c>weights</c>), from ONNX order.</summary>
public static class WeightsConversion
{
    private const int Block = 16;

    public static float[] ToOrder(Problem p, Tensor onnx, WeightsOrder order) => order switch
    {
        WeightsOrder.Ioyx => onnx.Data,
        WeightsOrder.Oiyx or WeightsOrder.Goiyx => DeconvAsConvolution.Reorder(p, onnx, swapChannels: true, flippedAxes: 0).Data,
        WeightsOrder.OiyxFlipped => DeconvAsConvolution.Reorder(p, onnx, swapChannels: true, flippedAxes: (1 << p.Rank) - 1).Data,
        WeightsOrder.OsIsYxIsv16Osv16 => Blocked(p, DeconvAsConvolution.Reorder(p, onnx, swapChannels: true, flippedAxes: 0).Data),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, null),
    };

    /// <summary>
    /// Per group [M/G blocks][C/G blocks][taps][16 input lanes][16 output lanes] from OIYX; the
    /// lanes past M/G or C/G are zero.
    /// </summary>
    private static float[] Blocked(Problem p, float[] oiyx)
    {
        var taps = (int)p.Case.Kernel.Product();
        var (mg, cg) = (p.Mg, p.Cg);
        var (outBlocks, inBlocks) = ((mg + Block - 1) / Block, (cg + Block - 1) / Block);
        var groupSize = (long)outBlocks * inBlocks * taps * Block * Block;
        var result = new float[p.Case.Groups * groupSize];
        for (var g = 0; g < p.Case.Groups; g++)
        for (var m = 0; m < mg; m++)
        for (var c = 0; c < cg; c++)
        for (var t = 0; t < taps; t++)
        {
            var block = ((((long)(m / Block) * inBlocks) + (c / Block)) * taps) + t;
            var at = (g * groupSize) + (block * Block * Block) + ((c % Block) * Block) + (m % Block);
            result[at] = oiyx[((((long)(g * mg) + m) * cg) + c) * taps + t];
        }
        return result;
    }
}
