using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Rewrite;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>The reference run on transformed weights, inputs or geometry: what the fault models are made of.</summary>
internal static class ReferenceVariants
{
    /// <summary>Names of the spatial axes of the three-axis geometry, outermost first.</summary>
    public static readonly string[] AxisNames = ["z", "y", "x"];

    /// <summary>The name of spatial axis a of the case (x for the last).</summary>
    public static string AxisName(Problem p, int a) => AxisNames[3 - p.Rank + a];

    public static Prediction Run(Problem p, CaseInputs i, float[]? input = null, float[]? weights = null, Axis[]? axes = null) =>
        Run(p, i, i.Bias?.Data, input, weights, axes);

    public static Prediction Run(
        Problem p, CaseInputs i, float[]? bias, float[]? input = null, float[]? weights = null, Axis[]? axes = null)
    {
        var g = axes is null ? DeconvGeometry.Of(p) : DeconvGeometry.Of(p).WithAxes(axes);
        return Prediction.Of(ReferenceDeconvolution.Gather(g, input ?? i.Input.Data, weights ?? i.Weights.Data, bias));
    }

    /// <summary>A gather kernel with other index arithmetic; elements it computes from outside its buffers are left open.</summary>
    public static Prediction Gathered(Problem p, CaseInputs inputs, GatherVariant variant)
    {
        var (sums, unknown) = variant.Run(p, inputs);
        return Prediction.Of(sums) with { Unknown = unknown.Any(u => u) ? unknown : null };
    }

    /// <summary>Weights with the kernel reversed along the chosen spatial axes.</summary>
    public static float[] Flip(Problem p, float[] w, Func<int, bool> flipAxis)
    {
        var kernel = p.Case.Kernel.ToArray();
        var mask = Enumerable.Range(0, kernel.Length).Where(flipAxis).Sum(a => 1 << a);
        var taps = kernel.Aggregate(1, (product, k) => product * k);
        var result = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
            result[i] = w[(i / taps * taps) + DeconvAsConvolution.FlipTap(i % taps, kernel, mask)];
        return result;
    }

    /// <summary>
    /// The weights an implementation sees when it indexes the IOYX buffer as OIYX: W[g*Cg+c, m] = buffer[(g*Mg+m)*Cg + c].
    /// </summary>
    public static float[] Reinterpret(Problem p, float[] w)
    {
        var taps = (int)p.Case.Kernel.Product();
        var result = new float[w.Length];
        for (var g = 0; g < p.Case.Groups; g++)
        for (var c = 0; c < p.Cg; c++)
        for (var m = 0; m < p.Mg; m++)
        {
            var effective = (((g * p.Cg) + c) * p.Mg) + m;
            var read = (((g * p.Mg) + m) * p.Cg) + c;
            Array.Copy(w, read * taps, result, effective * taps, taps);
        }
        return result;
    }
}
