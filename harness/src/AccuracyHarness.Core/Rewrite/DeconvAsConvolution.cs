using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Rewrite;

/// <summary>
/// The rewrite under test (DESIGN.md section 3), as reference transforms: for stride 1 the
/// deconvolution equals a stride-1 convolution with dilation d, pads pb' = (k-1)*d - pb and
/// pe' = (k-1)*d - pe + op (negative pads crop), and weights with in/out channels swapped
/// inside each group and every spatial axis flipped.
/// </summary>
public static class DeconvAsConvolution
{
    public static bool Applies(Problem p) => p.Case.Strides.All(s => s == 1);

    /// <summary>The convolution that the corrected rule produces (stride 1 only).</summary>
    public static ConvGeometry Geometry(Problem p)
    {
        if (!Applies(p))
            throw new InvalidOperationException($"the rewrite needs stride 1 on every axis; strides are {p.Case.Strides}");
        var c = p.Case;
        return new ConvGeometry(
            c.Batch, c.InChannels, c.OutChannels, c.Groups,
            c.Input, c.Kernel, c.Strides, c.Dilations,
            Dims.From(Enumerable.Range(0, p.Rank).Select(a => ((c.Kernel[a] - 1) * c.Dilations[a]) - p.PadsBegin[a])),
            p.Output);
    }

    /// <summary>End pads of the rewritten convolution: (k-1)*d - pe + op.</summary>
    public static Dims PadsEnd(Problem p) =>
        Dims.From(Enumerable.Range(0, p.Rank).Select(a => ((p.Case.Kernel[a] - 1) * p.Case.Dilations[a]) - p.PadsEnd[a] + p.Case.OutputPadding[a]));

    /// <summary>IOYX [C, M/G, k] to OIYX [M, C/G, k] with every spatial axis flipped: W'[g*Mg+m, c, t] = W[g*Cg+c, m, k-1-t].</summary>
    public static Tensor ReorderWeights(Problem p, Tensor weights)
    {
        var c = p.Case;
        var kernel = c.Kernel.ToArray();
        var taps = (int)c.Kernel.Product();
        var dst = new float[weights.Length];
        var shape = Dims.From(new[] { c.OutChannels, p.Cg }.Concat(c.Kernel));
        for (var oc = 0; oc < c.OutChannels; oc++)
        {
            var group = oc / p.Mg;
            var m = oc % p.Mg;
            for (var ci = 0; ci < p.Cg; ci++)
            {
                var ic = (group * p.Cg) + ci;
                for (var t = 0; t < taps; t++)
                {
                    var flipped = FlatFlip(t, kernel);
                    dst[(((oc * p.Cg) + ci) * taps) + t] = weights.Data[(((ic * p.Mg) + m) * taps) + flipped];
                }
            }
        }
        return new Tensor(shape, dst, weights.StorageType);
    }

    /// <summary>The flat tap index of (k-1-t) on every axis.</summary>
    private static int FlatFlip(int t, int[] kernel)
    {
        var result = 0;
        var stride = 1;
        for (var a = kernel.Length - 1; a >= 0; a--)
        {
            var coordinate = t % kernel[a];
            t /= kernel[a];
            result += (kernel[a] - 1 - coordinate) * stride;
            stride *= kernel[a];
        }
        return result;
    }
}
