using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The scatter form: each input element spreads x*w into the outputs o = i*s + t*d - pb that
/// fall inside the output (the transposed convolution matrix applied to x).
/// </summary>
/// <remarks>
/// Every element sums its bias, then over input channels, then over input positions (z, y, x)
/// ascending, as the plain loop over inputs would. One input row is spread by one tap at a
/// time, the x taps descending, so that an element that several x taps reach still receives
/// them in ascending input order. A tap sends consecutive inputs to outputs a stride apart: the
/// plane is accumulated with its rows split by stride phase (o mod s), where they land
/// consecutively and run in vectors, and put back in order at the end.
/// </remarks>
internal sealed class ReferenceScatter
{
    private readonly DeconvGeometry _g;
    private readonly float[] _x;
    private readonly float[] _w;
    private readonly float[]? _bias;
    private readonly double[] _output;

    /// <summary>The input with room after it, so that a vector may read past the end for lanes it leaves out.</summary>
    private readonly float[] _xPadded;
    private readonly int _phaseLength;
    private readonly (int From, int To, int Target)[] _xTaps;

    public ReferenceScatter(DeconvGeometry g, float[] x, float[] w, float[]? bias)
    {
        (_g, _x, _w, _bias) = (g, x, w, bias);
        _output = new double[g.OutputLength];
        _xPadded = new float[x.Length + Vector<float>.Count];
        x.CopyTo(_xPadded, 0);
        var a = g.X;
        _phaseLength = (a.Out + a.Stride - 1) / a.Stride;
        _xTaps = new (int, int, int)[a.Kernel];
        for (var t = 0; t < a.Kernel; t++)
        {
            // Input i reaches o = i*s + c: phase c mod s, position i + floor(c / s) in it.
            var c = (t * a.Dilation) - a.PadBegin;
            var from = Math.Max(0, FloorDiv(-c + a.Stride - 1, a.Stride));
            var to = Math.Min(a.In, FloorDiv(a.Out - 1 - c, a.Stride) + 1);
            var target = ((((c % a.Stride) + a.Stride) % a.Stride) * _phaseLength) + FloorDiv(c, a.Stride);
            _xTaps[t] = (from, Math.Max(from, to), target);
        }
    }

    public double[] Run()
    {
        ReferenceDeconvolution.For(_g, _g.Batch * _g.M, Plane);
        return _output;
    }

    internal static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);

    private void Plane(int plane)
    {
        var g = _g;
        var (za, ya, xa) = (g.Z, g.Y, g.X);
        var n = plane / g.M;
        var oc = plane % g.M;
        var group = oc / g.Mg;
        var m = oc % g.Mg;
        var rowLength = xa.Stride * _phaseLength;
        var length = za.Out * ya.Out * rowLength;
        // A vector may run past the last row: the slack takes it.
        var phased = ArrayPool<double>.Shared.Rent(length + Vector<double>.Count);
        Array.Fill(phased, _bias is null ? 0 : _bias[oc], 0, length);
        for (var cg = 0; cg < g.Cg; cg++)
        {
            var ic = (group * g.Cg) + cg;
            var inPlane = g.InputIndex(n, ic, 0, 0, 0);
            var weightPlane = g.WeightIndex(ic, m, 0, 0, 0);
            for (var iz = 0; iz < za.In; iz++)
            for (var tz = 0; tz < za.Kernel; tz++)
            {
                if (!Target(iz, tz, za, out var oz)) continue;
                for (var iy = 0; iy < ya.In; iy++)
                for (var ty = 0; ty < ya.Kernel; ty++)
                {
                    if (!Target(iy, ty, ya, out var oy)) continue;
                    var inRow = inPlane + (((iz * ya.In) + iy) * xa.In);
                    var weightRow = weightPlane + (((tz * ya.Kernel) + ty) * xa.Kernel);
                    var outRow = ((oz * ya.Out) + oy) * rowLength;
                    for (var tx = xa.Kernel - 1; tx >= 0; tx--)
                    {
                        var (from, to, target) = _xTaps[tx];
                        Spread(inRow, from, to, phased, outRow + target, _w[weightRow + tx]);
                    }
                }
            }
        }
        var o0 = g.OutputIndex(n, oc, 0, 0, 0);
        for (var row = 0; row < za.Out * ya.Out; row++)
        for (var ox = 0; ox < xa.Out; ox++)
        {
            _output[o0 + (row * xa.Out) + ox] = phased[(row * rowLength) + ((ox % xa.Stride) * _phaseLength) + (ox / xa.Stride)];
        }
        ArrayPool<double>.Shared.Return(phased);
    }

    /// <summary>
    /// Inputs [from, to) of one row, times one weight, onto consecutive outputs, a vector at a
    /// time; the last, partial vector leaves the lanes past the row as they were.
    /// </summary>
    private void Spread(int inRow, int from, int to, double[] phased, int target, double weight)
    {
        if (!Vector.IsHardwareAccelerated)
        {
            for (var i = from; i < to; i++) phased[target + i] += _x[inRow + i] * weight;
            return;
        }
        ref var x = ref MemoryMarshal.GetArrayDataReference(_xPadded);
        ref var o = ref MemoryMarshal.GetArrayDataReference(phased);
        var quad = Vector<double>.Count;
        var w = new Vector<double>(weight);
        for (var i = from; i < to; i += quad)
        {
            ref var at = ref Unsafe.Add(ref o, target + i);
            var sum = Vector.LoadUnsafe(ref at) + (Vector.WidenLower(Vector.LoadUnsafe(ref Unsafe.Add(ref x, inRow + i))) * w);
            if (i + quad > to)
                sum = Vector.ConditionalSelect(Vector.AsVectorDouble(Vector.LessThan(Vector<long>.Indices, new Vector<long>(to - i))), sum,
                    Vector.LoadUnsafe(ref at));
            sum.StoreUnsafe(ref at);
        }
    }

    /// <summary>The output position that input i reaches through tap t, if inside.</summary>
    internal static bool Target(int i, int t, in Axis a, out int o)
    {
        o = (i * a.Stride) + (t * a.Dilation) - a.PadBegin;
        return o >= 0 && o < a.Out;
    }
}
