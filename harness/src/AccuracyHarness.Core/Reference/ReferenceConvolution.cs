using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Reference;

/// <summary>The convolution in double precision, by gathering (each output collects its taps).</summary>
public static class ReferenceConvolution
{
    public static double[] Run(ConvGeometry g, float[] input, float[] weights, float[]? bias)
    {
        var z = Pad3(g.Input, 1);
        var k = Pad3(g.Kernel, 1);
        var s = Pad3(g.Strides, 1);
        var d = Pad3(g.Dilations, 1);
        var p = Pad3(g.PadsBegin, 0);
        var o = Pad3(g.Output, 1);
        var output = new double[g.OutputShape.Product()];
        var index = 0;
        for (var n = 0; n < g.Batch; n++)
        for (var oc = 0; oc < g.OutChannels; oc++)
        {
            var group = oc / g.OutPerGroup;
            for (var oz = 0; oz < o[0]; oz++)
            for (var oy = 0; oy < o[1]; oy++)
            for (var ox = 0; ox < o[2]; ox++)
            {
                double acc = bias is null ? 0 : bias[oc];
                for (var c = 0; c < g.InPerGroup; c++)
                {
                    var ic = (group * g.InPerGroup) + c;
                    for (var tz = 0; tz < k[0]; tz++)
                    for (var ty = 0; ty < k[1]; ty++)
                    for (var tx = 0; tx < k[2]; tx++)
                    {
                        var iz = (oz * s[0]) + (tz * d[0]) - p[0];
                        var iy = (oy * s[1]) + (ty * d[1]) - p[1];
                        var ix = (ox * s[2]) + (tx * d[2]) - p[2];
                        if (iz < 0 || iz >= z[0] || iy < 0 || iy >= z[1] || ix < 0 || ix >= z[2]) continue;
                        var xi = ((((((long)n * g.InChannels) + ic) * z[0] + iz) * z[1]) + iy) * z[2] + ix;
                        var wi = ((((((long)oc * g.InPerGroup) + c) * k[0] + tz) * k[1]) + ty) * k[2] + tx;
                        acc += (double)input[xi] * weights[wi];
                    }
                }
                output[index++] = acc;
            }
        }
        return output;
    }

    /// <summary>Per-axis values as (z, y, x) with unit axes in front for lower ranks.</summary>
    private static int[] Pad3(Dims values, int fill) =>
        Enumerable.Repeat(fill, 3 - values.Count).Concat(values).ToArray();
}
