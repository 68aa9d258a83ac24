namespace AccuracyHarness.Core.Cases;

public static class ProblemAxes
{
    /// <summary>The axes as (z, y, x): lower ranks get unit axes in front, as the kernel contract's z = 0, y = 0.</summary>
    public static Axis[] Axes3D(this Problem p)
    {
        var c = p.Case;
        var axes = new Axis[3];
        var offset = 3 - p.Rank;
        for (var a = 0; a < 3; a++)
        {
            var i = a - offset;
            axes[a] = i < 0
                ? Axis.Unit
                : new Axis(c.Input[i], c.Kernel[i], c.Strides[i], c.Dilations[i], p.PadsBegin[i], p.PadsEnd[i], c.OutputPadding[i],
                    p.Output[i]);
        }
        return axes;
    }

    /// <summary>
    /// The multiply-adds a deconvolution performs: every (input, tap) pair whose output lands
    /// inside, per output channel of its group (pairs cropped by pads do not count).
    /// </summary>
    public static double MultiplyAdds(this Problem p)
    {
        var c = p.Case;
        double pairs = 1;
        foreach (var a in p.Axes3D())
        {
            long inside = 0;
            for (var t = 0; t < a.Kernel; t++)
            for (var i = 0; i < a.In; i++)
            {
                var o = (i * a.Stride) + (t * a.Dilation) - a.PadBegin;
                if (o >= 0 && o < a.Out) inside++;
            }
            pairs *= inside;
        }
        return pairs * c.Batch * c.InChannels * (c.OutChannels / c.Groups);
    }
}
