using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// The rewrite's quantized blind spot: it pads and zero-inserts the source, and a 0 there is worth -zp in real terms,
/// not nothing. Such a kernel sums every tap of every output, so the taps the reference skips add (0 - zp[c]) * w:
/// those that land in the padding (before the first input or past the last), those that land in the stride's holes,
/// or both.
/// </summary>
internal sealed class PaddingNotZeroPointFault() : QuantizedFault(FaultCatalogue.PaddingNotZeroPoint,
    "padding or the stride's inserted zeros valued 0 instead of the source zero point (each such tap adds (0 - zp) * w)")
{
    /// <summary>What a tap of an output reads on one axis, as flags: an input, a hole between strided inputs, or padding.</summary>
    private const int Input = 0, Hole = 1, Padding = 2;

    public override bool AppliesTo(Problem p, CaseInputs inputs) =>
        inputs.Quantization!.SourceZeroPoints.Any(z => z != 0) && Kinds(DeconvGeometry.Of(p)) != Input;

    protected override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        var kinds = Kinds(DeconvGeometry.Of(p));
        if (kinds == (Hole | Padding)) yield return Hypothesis("padding and inserted zeros valued 0", Predict(p, inputs, Hole | Padding));
        if ((kinds & Padding) != 0) yield return Hypothesis("padding valued 0", Predict(p, inputs, Padding));
        if ((kinds & Hole) != 0) yield return Hypothesis("inserted zeros valued 0", Predict(p, inputs, Hole));
    }

    /// <summary>The kinds of skipped tap the case has (on any axis).</summary>
    private static int Kinds(DeconvGeometry g) =>
        g.Axes.Select(Classify).Aggregate(Input, (kinds, taps) => kinds | taps.Cast<int>().Aggregate(Input, (k, t) => k | t));

    /// <summary>Per output position and tap of an axis, what the tap reads (see <see cref="Input"/>).</summary>
    private static int[,] Classify(Axis a)
    {
        var taps = new int[a.Out, a.Kernel];
        for (var o = 0; o < a.Out; o++)
        for (var t = 0; t < a.Kernel; t++)
        {
            var q = o + a.PadBegin - (t * a.Dilation);
            taps[o, t] = q < 0 || q > (a.In - 1) * a.Stride ? Padding : q % a.Stride != 0 ? Hole : Input;
        }
        return taps;
    }

    /// <summary>The reference's sum plus (0 - zp[c]) * w for every tap of the chosen kinds (in padding on one axis is padding).</summary>
    private static Prediction Predict(Problem p, CaseInputs inputs, int chosen)
    {
        var g = DeconvGeometry.Of(p);
        var raw = RawSum(p, inputs, g);
        var (z, y, x) = (Classify(g.Z), Classify(g.Y), Classify(g.X));
        var taps = g.Z.Kernel * g.Y.Kernel * g.X.Kernel;
        // Per output channel and tap, what a skipped tap adds over the group's input channels, and its magnitude.
        var added = new double[g.M * taps];
        var magnitude = new double[g.M * taps];
        var w = inputs.Weights.Data;
        for (var oc = 0; oc < g.M; oc++)
        for (var c = 0; c < g.Cg; c++)
        {
            var ic = (oc / g.Mg * g.Cg) + c;
            var zp = inputs.Quantization!.SourceZeroPoint(ic);
            for (var t = 0; t < taps; t++)
            {
                var term = -zp * (double)w[g.WeightIndex(ic, oc % g.Mg, 0, 0, 0) + t];
                added[(oc * taps) + t] += term;
                magnitude[(oc * taps) + t] += Math.Abs(term);
            }
        }
        var (output, absSum, terms) = ((double[])raw.Output.Clone(), (double[])raw.AbsSum.Clone(), (int[])raw.Terms.Clone());
        for (var n = 0; n < g.Batch; n++)
        for (var oc = 0; oc < g.M; oc++)
        for (var oz = 0; oz < g.Z.Out; oz++)
        for (var oy = 0; oy < g.Y.Out; oy++)
        for (var ox = 0; ox < g.X.Out; ox++)
        {
            var e = g.OutputIndex(n, oc, oz, oy, ox);
            for (var tz = 0; tz < g.Z.Kernel; tz++)
            for (var ty = 0; ty < g.Y.Kernel; ty++)
            for (var tx = 0; tx < g.X.Kernel; tx++)
            {
                var kind = z[oz, tz] | y[oy, ty] | x[ox, tx];
                if ((kind & Padding) != 0) kind = Padding;
                if ((kind & chosen) == 0) continue;
                var t = (((tz * g.Y.Kernel) + ty) * g.X.Kernel) + tx;
                output[e] += added[(oc * taps) + t];
                absSum[e] += magnitude[(oc * taps) + t];
                terms[e] += g.Cg;
            }
        }
        return Prediction.Of(Epilogue.Apply(p, inputs, new ReferenceResult(output, absSum, terms)));
    }
}
