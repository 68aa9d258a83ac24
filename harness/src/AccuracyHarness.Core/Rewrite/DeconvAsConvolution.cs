using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Rewrite;

/// <summary>
/// The rewrite under test (docs/ARCHITECTURE.md section 4), as reference transforms: for stride 1 the
/// deconvolution equals a stride-1 convolution with dilation d, pads pb' = (k-1)*d - pb and
/// pe' = (k-1)*d - pe + op (negative pads crop), and weights with in/out channels swapped
/// inside each group and every spatial axis flipped.
/// </summary>
public static class DeconvAsConvolution
{
    public static bool Applies(Problem p) => p.Case.Strides.All(s => s == 1);

    /// <summary>
    /// The convolution that the corrected rule produces: stride 1, the deconvolution's dilation,
    /// pads pb' = (k-1)*d - pb. For stride 1 its input is the deconvolution's; for stride s > 1
    /// it is the fractionally strided form, over the input with s-1 zeros inserted between
    /// neighbours ((in-1)*s + 1 long), which docs/ARCHITECTURE.md section 4 names the harness's generalisation.
    /// </summary>
    public static ConvGeometry Geometry(Problem p)
    {
        var c = p.Case;
        return new ConvGeometry(
            c.Batch, c.InChannels, c.OutChannels, c.Groups,
            c.Input.Map((i, a) => ((i - 1) * c.Strides[a]) + 1), c.Kernel, Dims.Fill(p.Rank, 1), c.Dilations,
            c.Kernel.Map((k, a) => ((k - 1) * c.Dilations[a]) - p.PadsBegin[a]),
            p.Output);
    }

    /// <summary>End pads of the rewritten convolution: (k-1)*d - pe + op.</summary>
    public static Dims PadsEnd(Problem p) =>
        Dims.From(Enumerable.Range(0, p.Rank)
            .Select(a => ((p.Case.Kernel[a] - 1) * p.Case.Dilations[a]) - p.PadsEnd[a] + p.Case.OutputPadding[a]));

    /// <summary>
    /// The input of the fractionally strided form, in logical order: s-1 zeros between neighbours
    /// on every axis, (in-1)*s + 1 long (the input itself for stride 1). A quantized source's holes
    /// hold its channel's zero point instead, the value that is worth zero (README "Data types").
    /// </summary>
    public static Tensor ZeroInsert(Problem p, Tensor input, Quantization? quantization = null)
    {
        var c = p.Case;
        var spread = Geometry(p).Input;
        var shape = Dims.From(new[] { c.Batch, c.InChannels }.Concat(spread));
        var data = new float[shape.Product()];
        if (quantization is { } q)
        {
            var channel = ChannelIndex.Of(shape);
            for (var i = 0; i < data.Length; i++) data[i] = q.SourceZeroPoint(channel.At(i));
        }
        for (var i = 0; i < input.Length; i++)
        {
            var at = Tensor.Coordinates(input.Shape, i);
            long flat = 0;
            for (var d = 0; d < at.Length; d++) flat = (flat * shape[d]) + (d < 2 ? at[d] : at[d] * c.Strides[d - 2]);
            data[flat] = input.Data[i];
        }
        return new Tensor(shape, data, input.StorageType);
    }

    /// <summary>IOYX [C, M/G, k] to OIYX [M, C/G, k] with every spatial axis flipped: W'[g*Mg+m, c, t] = W[g*Cg+c, m, k-1-t].</summary>
    public static Tensor ReorderWeights(Problem p, Tensor weights) =>
        Reorder(p, weights, swapChannels: true, flippedAxes: (1 << p.Rank) - 1);

    /// <summary>
    /// The weights reorder and its faulty variants: channels swapped per group (or copied in
    /// place, reading the IOYX buffer as if it were OIYX) and the kernel reversed on the spatial
    /// axes whose bit is set in <paramref name="flippedAxes"/> (bit a for axis a).
    /// </summary>
    public static Tensor Reorder(Problem p, Tensor weights, bool swapChannels, int flippedAxes)
    {
        var kernel = p.Case.Kernel.ToArray();
        var taps = (int)p.Case.Kernel.Product();
        var data = new float[weights.Length];
        for (var oc = 0; oc < p.Case.OutChannels; oc++)
        for (var c = 0; c < p.Cg; c++)
        {
            var block = (oc * p.Cg) + c;
            var from = swapChannels ? ((((oc / p.Mg * p.Cg) + c) * p.Mg) + (oc % p.Mg)) : block;
            for (var t = 0; t < taps; t++)
                data[(block * taps) + t] = weights.Data[(from * taps) + FlipTap(t, kernel, flippedAxes)];
        }
        return new Tensor(Dims.From(new[] { p.Case.OutChannels, p.Cg }.Concat(p.Case.Kernel)), data, weights.StorageType);
    }

    /// <summary>The flat index of tap t of a kernel with k-1-t on the axes whose bit is set in <paramref name="flippedAxes"/>.</summary>
    public static int FlipTap(int t, int[] kernel, int flippedAxes)
    {
        int tap = 0, stride = 1;
        for (var a = kernel.Length - 1; a >= 0; a--)
        {
            var k = t % kernel[a];
            t /= kernel[a];
            tap += ((flippedAxes & (1 << a)) != 0 ? kernel[a] - 1 - k : k) * stride;
            stride *= kernel[a];
        }
        return tap;
    }
}
