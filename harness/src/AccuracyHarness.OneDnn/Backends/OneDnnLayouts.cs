using AccuracyHarness.Core.Cases;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// The case's layouts in oneDNN's terms. Activations: nchw -> ncw/nchw/ncdhw, nhwc ->
/// nwc/nhwc/ndhwc, blocked16 -> nCw16c/nChw16c/nCdhw16c (the same offsets as the harness's
/// DataLayout). Weights have the logical dims [G, M/G, C/G, k...] (grouped) or [M, C, k...]:
/// ONNX's deconvolution weights [C, M/G, k...] are physically i before o (iohw, giohw, ...), the
/// rewrite's OIYX weights o before i (oihw, goihw, ...).
/// </summary>
public static class OneDnnLayouts
{
    public static int Activations(LayoutFamily family, int rank) => (family, rank) switch
    {
        (LayoutFamily.Nchw, 1) => DnnlTag.Ncw,
        (LayoutFamily.Nchw, 2) => DnnlTag.Nchw,
        (LayoutFamily.Nchw, 3) => DnnlTag.Ncdhw,
        (LayoutFamily.Nhwc, 1) => DnnlTag.Nwc,
        (LayoutFamily.Nhwc, 2) => DnnlTag.Nhwc,
        (LayoutFamily.Nhwc, 3) => DnnlTag.Ndhwc,
        (LayoutFamily.Blocked16, 1) => DnnlTag.NCw16c,
        (LayoutFamily.Blocked16, 2) => DnnlTag.NChw16c,
        (LayoutFamily.Blocked16, 3) => DnnlTag.NCdhw16c,
        _ => throw new ArgumentOutOfRangeException(nameof(rank), $"no oneDNN tag for {family} at rank {rank}"),
    };

    /// <summary>The tag's name as oneDNN's documentation writes it, for notes.</summary>
    public static string ActivationsName(LayoutFamily family, int rank) =>
        (family switch { LayoutFamily.Nchw => "nc", LayoutFamily.Nhwc => "n", _ => "nC" })
        + (rank switch { 1 => "w", 2 => "hw", _ => "dhw" })
        + (family switch { LayoutFamily.Nchw => "", LayoutFamily.Nhwc => "c", _ => "16c" });

    /// <summary>ONNX ConvTranspose weights [C, M/G, k...]: iow/iohw/iodhw, grouped giow/giohw/giodhw.</summary>
    public static int DeconvolutionWeights(int rank, bool grouped) => (rank, grouped) switch
    {
        (1, false) => DnnlTag.Iow,
        (2, false) => DnnlTag.Iohw,
        (3, false) => DnnlTag.Iodhw,
        (1, true) => DnnlTag.Giow,
        (2, true) => DnnlTag.Giohw,
        (3, true) => DnnlTag.Giodhw,
        _ => throw new ArgumentOutOfRangeException(nameof(rank)),
    };

    /// <summary>Convolution weights in OIYX order [M, C/G, k...]: oiw/oihw/oidhw, grouped goiw/goihw/goidhw.</summary>
    public static int ConvolutionWeights(int rank, bool grouped) => (rank, grouped) switch
    {
        (1, false) => DnnlTag.Oiw,
        (2, false) => DnnlTag.Oihw,
        (3, false) => DnnlTag.Oidhw,
        (1, true) => DnnlTag.Goiw,
        (2, true) => DnnlTag.Goihw,
        (3, true) => DnnlTag.Goidhw,
        _ => throw new ArgumentOutOfRangeException(nameof(rank)),
    };

    /// <summary>oneDNN's logical weights dims: [G, M/G, C/G, k...] when grouped, else [M, C, k...].</summary>
    public static long[] WeightsDims(int groups, int outChannels, int inChannels, Dims kernel) =>
        (groups > 1
            ? new long[] { groups, outChannels / groups, inChannels / groups }
            : new long[] { outChannels, inChannels }).Concat(kernel.Select(k => (long)k)).ToArray();

    public static long[] ActivationDims(int batch, int channels, Dims spatial) =>
        new long[] { batch, channels }.Concat(spatial.Select(v => (long)v)).ToArray();

    public static long[] PerAxis(IEnumerable<int> values) => values.Select(v => (long)v).ToArray();
}
