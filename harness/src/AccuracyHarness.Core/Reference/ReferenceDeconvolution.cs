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
/// check each other (docs/ARCHITECTURE.md section 3). Work is split across cores by (batch, output
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
    public static ReferenceResult Gather(DeconvGeometry g, float[] x, float[] w, float[]? bias, Func<double, double>? rounding = null) =>
        rounding is null
            ? Gather(g, x, w, bias, default(DoubleSum))
            : Gather(g, x, w, bias, new RoundedSum(rounding));

    /// <remarks>
    /// Every element sums its bias, then over input channels, then over taps (z, y, x), in that
    /// order. The loops run taps outside output positions, so that the innermost loop walks an
    /// output row and an input row with fixed steps; each element still receives its addends in
    /// the order above. The accumulation is a type parameter so that the exact form compiles to
    /// a plain addition.
    /// </remarks>
    private static ReferenceResult Gather<TSum>(DeconvGeometry g, float[] x, float[] w, float[]? bias, TSum sum)
        where TSum : struct, ISum
    {
        var output = new double[g.OutputLength];
        var absSum = new double[g.OutputLength];
        var terms = new int[g.OutputLength];

        var (zs, ys, xs) = (new TapReach(g.Z), new TapReach(g.Y), new TapReach(g.X));
        var (yIn, xIn, yOut, xOut) = (g.Y.In, g.X.In, g.Y.Out, g.X.Out);
        var (ky, kx) = (g.Y.Kernel, g.X.Kernel);
        var (zStep, yStep, xStep) = (g.Z.Stride, g.Y.Stride, g.X.Stride);
        var plane = g.Z.Out * yOut * xOut;
        ForEachPlane(g, (n, oc) =>
        {
            var group = oc / g.Mg;
            var m = oc % g.Mg;
            var o0 = g.OutputIndex(n, oc, 0, 0, 0);
            // The bias is an addend like the products: it counts in the tolerance's sum and K.
            double biasValue = bias is null ? 0 : bias[oc];
            Array.Fill(output, biasValue, o0, plane);
            Array.Fill(absSum, Math.Abs(biasValue), o0, plane);
            for (var cg = 0; cg < g.Cg; cg++)
            {
                var ic = (group * g.Cg) + cg;
                var xBase = g.InputIndex(n, ic, 0, 0, 0);
                var wBase = g.WeightIndex(ic, m, 0, 0, 0);
                for (var tz = 0; tz < g.Z.Kernel; tz++)
                for (int jz = 0, oz = zs.FirstOut[tz], iz = zs.FirstIn[tz]; jz < zs.Count[tz]; jz++, oz += zStep, iz++)
                for (var ty = 0; ty < ky; ty++)
                for (int jy = 0, oy = ys.FirstOut[ty], iy = ys.FirstIn[ty]; jy < ys.Count[ty]; jy++, oy += yStep, iy++)
                {
                    var xRow = xBase + (((iz * yIn) + iy) * xIn);
                    var wRow = wBase + (((tz * ky) + ty) * kx);
                    var oRow = o0 + (((oz * yOut) + oy) * xOut);
                    for (var tx = 0; tx < kx; tx++)
                    {
                        double weight = w[wRow + tx];
                        var o = oRow + xs.FirstOut[tx];
                        var i = xRow + xs.FirstIn[tx];
                        for (var jx = 0; jx < xs.Count[tx]; jx++, o += xStep, i++)
                        {
                            var product = x[i] * weight;
                            output[o] = sum.Add(output[o], product);
                            absSum[o] += Math.Abs(product);
                        }
                    }
                }
            }
            var biasTerms = bias is null ? 0 : 1;
            for (var oz = 0; oz < g.Z.Out; oz++)
            for (var oy = 0; oy < yOut; oy++)
            for (var ox = 0; ox < xOut; ox++)
            {
                terms[o0 + (((oz * yOut) + oy) * xOut) + ox] = biasTerms + (g.Cg * zs.Reaching[oz] * ys.Reaching[oy] * xs.Reaching[ox]);
            }
        });
        return new ReferenceResult(output, absSum, terms);
    }

    private interface ISum
    {
        double Add(double acc, double product);
    }

    private readonly struct DoubleSum : ISum
    {
        public double Add(double acc, double product) => acc + product;
    }

    private readonly struct RoundedSum(Func<double, double> rounding) : ISum
    {
        public double Add(double acc, double product) => rounding(acc + rounding(product));
    }

    /// <summary>
    /// Gather along one axis, solved once per tap: output o takes input i = (o + pb - t*d) / s
    /// through tap t when that is an integer inside the input. For each tap, the outputs that
    /// qualify are FirstOut[t] + k*s with inputs FirstIn[t] + k, for k below Count[t];
    /// Reaching[o] is how many taps reach output o.
    /// </summary>
    private sealed class TapReach
    {
        public TapReach(Axis a)
        {
            FirstOut = new int[a.Kernel];
            FirstIn = new int[a.Kernel];
            Count = new int[a.Kernel];
            Reaching = new int[a.Out];
            for (var t = 0; t < a.Kernel; t++)
            {
                // The first output whose numerator is non-negative and divisible by the stride.
                var offset = a.PadBegin - (t * a.Dilation);
                var o = Math.Max(0, -offset);
                while (o < a.Out && (o + offset) % a.Stride != 0) o++;
                if (o >= a.Out) continue;
                var i = (o + offset) / a.Stride;
                FirstOut[t] = o;
                FirstIn[t] = i;
                Count[t] = Math.Max(0, Math.Min(a.In - i, ((a.Out - 1 - o) / a.Stride) + 1));
                for (var k = 0; k < Count[t]; k++) Reaching[o + (k * a.Stride)]++;
            }
        }

        public int[] FirstOut { get; }

        public int[] FirstIn { get; }

        public int[] Count { get; }

        public int[] Reaching { get; }
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

        // Plain locals: the loops below run once per multiply-add.
        var (za, ya, xa) = (g.Z, g.Y, g.X);
        ForEachPlane(g, (n, oc) =>
        {
            var group = oc / g.Mg;
            var m = oc % g.Mg;
            var outPlane = g.OutputIndex(n, oc, 0, 0, 0);
            if (bias is not null) Array.Fill(output, bias[oc], outPlane, g.OutputIndex(n, oc + 1, 0, 0, 0) - outPlane);
            for (var cg = 0; cg < g.Cg; cg++)
            {
                var ic = (group * g.Cg) + cg;
                var inPlane = g.InputIndex(n, ic, 0, 0, 0);
                var weightPlane = g.WeightIndex(ic, m, 0, 0, 0);
                for (var iz = 0; iz < za.In; iz++)
                for (var iy = 0; iy < ya.In; iy++)
                for (var ix = 0; ix < xa.In; ix++)
                {
                    double value = x[inPlane + (((iz * ya.In) + iy) * xa.In) + ix];
                    for (var tz = 0; tz < za.Kernel; tz++)
                    {
                        if (!Target(iz, tz, za, out var oz)) continue;
                        for (var ty = 0; ty < ya.Kernel; ty++)
                        {
                            if (!Target(iy, ty, ya, out var oy)) continue;
                            var outRow = outPlane + (((oz * ya.Out) + oy) * xa.Out);
                            var weightRow = weightPlane + (((tz * ya.Kernel) + ty) * xa.Kernel);
                            for (var tx = 0; tx < xa.Kernel; tx++)
                            {
                                if (!Target(ix, tx, xa, out var ox)) continue;
                                output[outRow + ox] += value * w[weightRow + tx];
                            }
                        }
                    }
                }
            }
        });
        return output;
    }

    /// <summary>Scatter: the output position that input i reaches through tap t, if inside.</summary>
    private static bool Target(int i, int t, in Axis a, out int o)
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
