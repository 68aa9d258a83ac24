using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The reference result in double precision, in logical output order, with what a tolerance
/// needs per element: the sum of the absolute values of its addends (the products x*w and the
/// bias) and their number.
/// </summary>
public sealed record ReferenceResult(double[] Output, double[] AbsSum, int[] Terms);

/// <summary>
/// ONNX ConvTranspose in double precision, written for clarity in two independent forms that
/// check each other (DESIGN.md section 2). Work is split across cores by (batch, output
/// channel): every task writes its own output plane, so both forms stay deterministic.
/// </summary>
public static class ReferenceDeconvolution
{
    /// <summary>Below this many multiply-adds the loops run on one thread.</summary>
    private const long ParallelThreshold = 1 << 18;

    /// <summary>
    /// Gather form: each output element collects its inputs by solving i = (o + pb - t*d) / s
    /// and keeping the taps where i is an integer in range.
    /// </summary>
    public static ReferenceResult Gather(Problem p, CaseInputs inputs) =>
        Gather(DeconvGeometry.Of(p), inputs.Input.Data, inputs.Weights.Data, inputs.Bias?.Data);

    /// <param name="rounding">
    /// Applied to every product and partial sum when given: a model of an implementation that
    /// accumulates in a narrower type (the half-precision accumulation fault).
    /// </param>
    public static ReferenceResult Gather(DeconvGeometry g, float[] x, float[] w, float[]? bias, Func<double, double>? rounding = null)
    {
        var output = new double[g.OutputLength];
        var absSum = new double[g.OutputLength];
        var terms = new int[g.OutputLength];

        // For each output position of each axis, the (tap, input) pairs that reach it: solved once
        // per axis instead of once per element and channel.
        var (zs, ys, xs) = (Sources(g.Z), Sources(g.Y), Sources(g.X));
        ForEachPlane(g, (n, oc) =>
        {
            var group = oc / g.Mg;
            var m = oc % g.Mg;
            for (var oz = 0; oz < g.Z.Out; oz++)
            for (var oy = 0; oy < g.Y.Out; oy++)
            for (var ox = 0; ox < g.X.Out; ox++)
            {
                // The bias is an addend like the products: it counts in the tolerance's sum and K.
                double acc = bias is null ? 0 : bias[oc];
                var abs = Math.Abs(acc);
                var count = bias is null ? 0 : 1;
                for (var cg = 0; cg < g.Cg; cg++)
                {
                    var ic = (group * g.Cg) + cg;
                    foreach (var (tz, iz) in zs[oz])
                    foreach (var (ty, iy) in ys[oy])
                    foreach (var (tx, ix) in xs[ox])
                    {
                        var product = (double)x[g.InputIndex(n, ic, iz, iy, ix)] * w[g.WeightIndex(ic, m, tz, ty, tx)];
                        acc = rounding is null ? acc + product : rounding(acc + rounding(product));
                        abs += Math.Abs(product);
                        count++;
                    }
                }
                var o = g.OutputIndex(n, oc, oz, oy, ox);
                output[o] = acc;
                absSum[o] = abs;
                terms[o] = count;
            }
        });
        return new ReferenceResult(output, absSum, terms);
    }

    /// <summary>
    /// Scatter form: each input element spreads x*w into the outputs o = i*s + t*d - pb that
    /// fall inside the output (the transposed convolution matrix applied to x).
    /// </summary>
    public static double[] Scatter(Problem p, CaseInputs inputs)
    {
        var g = DeconvGeometry.Of(p);
        var x = inputs.Input.Data;
        var w = inputs.Weights.Data;
        var bias = inputs.Bias?.Data;
        var output = new double[g.OutputLength];

        ForEachPlane(g, (n, oc) =>
        {
            var group = oc / g.Mg;
            var m = oc % g.Mg;
            if (bias is not null)
            {
                for (var o = g.OutputIndex(n, oc, 0, 0, 0); o < g.OutputIndex(n, oc + 1, 0, 0, 0); o++)
                    output[o] = bias[oc];
            }
            for (var cg = 0; cg < g.Cg; cg++)
            {
                var ic = (group * g.Cg) + cg;
                for (var iz = 0; iz < g.Z.In; iz++)
                for (var iy = 0; iy < g.Y.In; iy++)
                for (var ix = 0; ix < g.X.In; ix++)
                {
                    double value = x[g.InputIndex(n, ic, iz, iy, ix)];
                    for (var tz = 0; tz < g.Z.Kernel; tz++)
                    {
                        if (!Target(iz, tz, g.Z, out var oz)) continue;
                        for (var ty = 0; ty < g.Y.Kernel; ty++)
                        {
                            if (!Target(iy, ty, g.Y, out var oy)) continue;
                            for (var tx = 0; tx < g.X.Kernel; tx++)
                            {
                                if (!Target(ix, tx, g.X, out var ox)) continue;
                                output[g.OutputIndex(n, oc, oz, oy, ox)] += value * w[g.WeightIndex(ic, m, tz, ty, tx)];
                            }
                        }
                    }
                }
            }
        });
        return output;
    }

    /// <summary>
    /// Gather, per output position o of an axis: the taps t whose input position
    /// i = (o + pb - t*d) / s is an integer inside the input, with that i.
    /// </summary>
    private static (int Tap, int Input)[][] Sources(Axis a) =>
        Enumerable.Range(0, a.Out).Select(o => Enumerable.Range(0, a.Kernel)
            .Select(t => (Tap: t, Numerator: o + a.PadBegin - (t * a.Dilation)))
            .Where(s => s.Numerator >= 0 && s.Numerator % a.Stride == 0 && s.Numerator / a.Stride < a.In)
            .Select(s => (s.Tap, s.Numerator / a.Stride))
            .ToArray()).ToArray();

    /// <summary>Scatter: the output position that input i reaches through tap t, if inside.</summary>
    private static bool Target(int i, int t, Axis a, out int o)
    {
        o = (i * a.Stride) + (t * a.Dilation) - a.PadBegin;
        return o >= 0 && o < a.Out;
    }

    private static void ForEachPlane(DeconvGeometry g, Action<int, int> body)
    {
        var planes = g.Batch * g.M;
        if (g.Work < ParallelThreshold)
        {
            for (var plane = 0; plane < planes; plane++) body(plane / g.M, plane % g.M);
        }
        else
        {
            Parallel.For(0, planes, plane => body(plane / g.M, plane % g.M));
        }
    }

}

/// <summary>
/// The explicit geometry the reference loops over, in the three-dimensional view (z, y, x):
/// a resolved problem gives one, and fault models build variants of it (another dilation, pads
/// moved, the same output size).
/// </summary>
public sealed record DeconvGeometry(int Batch, int C, int M, int Groups, Axis Z, Axis Y, Axis X)
{
    public static DeconvGeometry Of(Problem p)
    {
        var axes = p.Axes3D();
        return new DeconvGeometry(p.Case.Batch, p.Case.InChannels, p.Case.OutChannels, p.Case.Groups, axes[0], axes[1], axes[2]);
    }

    public int Cg => C / Groups;

    public int Mg => M / Groups;

    public Axis[] Axes => [Z, Y, X];

    public DeconvGeometry WithAxes(Axis[] axes) => this with { Z = axes[0], Y = axes[1], X = axes[2] };

    public int OutputLength => Batch * M * Z.Out * Y.Out * X.Out;

    public int InputIndex(int n, int c, int z, int y, int x) => ((((((n * C) + c) * Z.In) + z) * Y.In) + y) * X.In + x;

    public int WeightIndex(int c, int m, int z, int y, int x) => ((((((c * Mg) + m) * Z.Kernel) + z) * Y.Kernel) + y) * X.Kernel + x;

    public int OutputIndex(int n, int c, int z, int y, int x) => ((((((n * M) + c) * Z.Out) + z) * Y.Out) + y) * X.Out + x;

    /// <summary>Multiply-adds of the whole problem, for deciding whether to spread work across cores.</summary>
    public double Work => (double)OutputLength * Cg * Z.Kernel * Y.Kernel * X.Kernel;
}
