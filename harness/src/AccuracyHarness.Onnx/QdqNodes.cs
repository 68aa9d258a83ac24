using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Onnx;

/// <summary>
/// The QDQ edges of a quantized case's model (README "ONNX Runtime"): DequantizeLinear on the source and the weights,
/// QuantizeLinear on an integer destination, DequantizeLinear on a sum's prior destination. Scales and zero points are
/// constants; the weights' zero point is left out (0: s8 weights are symmetric).
/// </summary>
internal static class QdqNodes
{
    private const string DestinationScale = "y_scale";
    private const string DestinationZeroPoint = "y_zero_point";

    /// <summary>
    /// The source, dequantized: per-channel zero points go per axis 1, with the scale repeated to their shape as the operator asks.
    /// </summary>
    public static string Source(GraphWriter g, DeconvCase c, Quantization q, string x)
    {
        var zeroPoints = q.SourceZeroPoints;
        long[] dims = zeroPoints.Length > 1 ? [zeroPoints.Length] : [];
        var scale = g.Constant("x_scale", DataType.F32, Enumerable.Repeat(q.SourceScale, zeroPoints.Length).ToArray(), dims);
        var zeroPoint = g.Constant("x_zero_point", c.Types.Source, zeroPoints.Select(z => (float)z).ToArray(), dims);
        return g.Node("DequantizeLinear", x + "_dq", [x, scale, zeroPoint], zeroPoints.Length > 1 ? [GraphWriter.Int("axis", 1)] : []);
    }

    /// <summary>
    /// The weights, dequantized: one scale, or one per output channel on axis 1 (the weights are [C, M/G, k...]).
    /// With groups, output channel g*M/G + m sits at (a channel of group g, m), which no single axis indexes: the
    /// weights are regrouped to [C/G, M, k...], whose axis 1 is the output channel, dequantized, and put back.
    /// </summary>
    public static string Weights(GraphWriter g, DeconvCase c, Quantization q, string w)
    {
        var output = w + "_dq";
        if (q.WeightScales.Length == 1)
            return g.Node("DequantizeLinear", output, [w, g.Constant("w_scale", DataType.F32, q.WeightScales)]);
        var scales = g.Constant("w_scale", DataType.F32, q.WeightScales, q.WeightScales.Length);
        if (c.Groups == 1) return g.Node("DequantizeLinear", output, [w, scales], GraphWriter.Int("axis", 1));

        long groups = c.Groups, perGroupIn = c.InChannels / c.Groups, perGroupOut = c.OutChannels / c.Groups;
        var kernel = c.Kernel.Select(k => (long)k).ToArray();
        long[] swap = [1, 0, .. Enumerable.Range(2, c.Rank + 1).Select(a => (long)a)];
        string Reshape(string input, string name, long[] shape) => g.Node("Reshape", name, [input, g.Longs(name + "_shape", shape)]);
        string Swap(string input, string name) => g.Node("Transpose", name, [input], GraphWriter.Ints("perm", swap));

        var byGroup = Reshape(w, w + "_by_group", [groups, perGroupIn, perGroupOut, .. kernel]);
        var byOutChannel = Reshape(Swap(byGroup, w + "_swapped"), w + "_by_oc", [perGroupIn, c.OutChannels, .. kernel]);
        var dequantized = g.Node("DequantizeLinear", w + "_by_oc_dq", [byOutChannel, scales], GraphWriter.Int("axis", 1));
        var regrouped = Swap(Reshape(dequantized, w + "_dq_by_group", [perGroupIn, groups, perGroupOut, .. kernel]), w + "_dq_swapped");
        return Reshape(regrouped, output, [c.InChannels, perGroupOut, .. kernel]);
    }

    /// <summary>The real result requantized to the integer destination (round half to even, then saturate, as the contract).</summary>
    public static string Destination(GraphWriter g, DeconvCase c, Quantization q, string real) =>
        g.Node("QuantizeLinear", real + "_q", [real, .. DestinationParameters(g, c, q)]);

    /// <summary>An integer destination's prior content (a sum's operand) as the real value it stands for.</summary>
    public static string Prior(GraphWriter g, DeconvCase c, Quantization q, string prior) =>
        g.Node("DequantizeLinear", prior + "_dq", [prior, .. DestinationParameters(g, c, q)]);

    private static string[] DestinationParameters(GraphWriter g, DeconvCase c, Quantization q) =>
        g.Graph.Initializer.Any(i => i.Name == DestinationScale)
            ? [DestinationScale, DestinationZeroPoint]
            :
            [
                g.Constant(DestinationScale, DataType.F32, [q.DestinationScale]),
                g.Constant(DestinationZeroPoint, c.Types.Destination, [q.DestinationZeroPoint]),
            ];
}
