using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The gather form: each output element collects its inputs by solving i = (o + pb - t*d) / s
/// and keeping the taps where i is an integer in range.
/// </summary>
/// <remarks>
/// Every element sums its bias, then over input channels, then over taps (z, y, x), in that
/// order, and its |addend| sum alongside in the same order: the bounds rely on it, and the
/// output must not change by a bit when the loops do. An element is computed whole, in one
/// place, so lanes of a vector can carry neighbouring elements: positions of one stride phase
/// of an output row (o = r + s*k), whose taps read inputs at consecutive addresses. Near the
/// borders a tap reaches some lanes only, and a mask leaves the others untouched (adding a
/// zero instead would turn a -0 sum into +0). Phases shorter than a vector, and every element
/// of an inexact accumulation, run one element at a time.
/// </remarks>
internal sealed class ReferenceGather<TSum>
    where TSum : struct, ISum
{
    private readonly DeconvGeometry _g;
    private readonly float[] _x;
    private readonly float[] _w;
    private readonly float[]? _bias;
    private readonly TSum _sum;
    private readonly AxisTaps _zs;
    private readonly AxisTaps _ys;
    private readonly AxisTaps _xs;
    private readonly double[] _output;
    private readonly double[] _absSum;
    private readonly int[] _terms;

    /// <summary>
    /// The input with zeros before and after, so that a vector may read past either end for
    /// lanes it then leaves out; the weights in double, as every product takes them.
    /// </summary>
    private readonly float[] _xPadded;
    private readonly int _pad;
    private readonly double[] _wDouble;

    public ReferenceGather(DeconvGeometry g, float[] x, float[] w, float[]? bias, TSum sum)
    {
        (_g, _x, _w, _bias, _sum) = (g, x, w, bias, sum);
        (_zs, _ys, _xs) = (new AxisTaps(g.Z), new AxisTaps(g.Y), new AxisTaps(g.X));
        _output = new double[g.OutputLength];
        _absSum = new double[g.OutputLength];
        _terms = new int[g.OutputLength];
        _pad = 0;
        _xPadded = x;
        _wDouble = [];
        if (Vectorised)
        {
            _pad = Vector<float>.Count + _xs.Phases.Max(p => p.Positions + p.Offset.Select(Math.Abs).DefaultIfEmpty().Max());
            _xPadded = new float[x.Length + (2 * _pad)];
            x.CopyTo(_xPadded, _pad);
            _wDouble = Array.ConvertAll(w, v => (double)v);
        }
    }

    public ReferenceResult Run()
    {
        var rows = _g.Batch * _g.M * _g.Z.Out * _g.Y.Out;
        ReferenceDeconvolution.For(_g, rows, Row);
        return new ReferenceResult(_output, _absSum, _terms);
    }

    /// <summary>Vectors only where each lane's sum is the plain double sum (see the remarks).</summary>
    private static bool Vectorised => typeof(TSum) == typeof(DoubleSum) && Vector.IsHardwareAccelerated;

    private void Row(int row)
    {
        var g = _g;
        var oy = row % g.Y.Out;
        var oz = row / g.Y.Out % g.Z.Out;
        var oc = row / g.Y.Out / g.Z.Out % g.M;
        var n = row / g.Y.Out / g.Z.Out / g.M;
        var o0 = g.OutputIndex(n, oc, oz, oy, 0);
        double biasValue = _bias is null ? 0 : _bias[oc];
        var rowTerms = g.Cg * _zs.Count(oz) * _ys.Count(oy);
        var biasTerms = _bias is null ? 0 : 1;
        for (var ox = 0; ox < g.X.Out; ox++) _terms[o0 + ox] = biasTerms + (rowTerms * _xs.Count(ox));

        // The (z, y) taps that reach this row, in summation order: where they read within an
        // input channel and within a weight slice.
        var (zFrom, zTo) = _zs.Reaching(oz);
        var (yFrom, yTo) = _ys.Reaching(oy);
        var pairs = (zTo - zFrom) * (yTo - yFrom);
        Span<int> inRows = pairs <= 256 ? stackalloc int[pairs] : new int[pairs];
        Span<int> weightRows = pairs <= 256 ? stackalloc int[pairs] : new int[pairs];
        var pair = 0;
        for (var jz = zFrom; jz < zTo; jz++)
        for (var jy = yFrom; jy < yTo; jy++, pair++)
        {
            inRows[pair] = ((_zs.Input(jz) * g.Y.In) + _ys.Input(jy)) * g.X.In;
            weightRows[pair] = ((_zs.Tap(jz) * g.Y.Kernel) + _ys.Tap(jy)) * g.X.Kernel;
        }
        var slice = new Slice(n, oc, inRows, weightRows);

        var step = g.X.Stride;
        var quad = Vector<double>.Count;
        for (var r = 0; r < _xs.Phases.Length; r++)
        {
            var phase = _xs.Phases[r];
            if (!Vectorised || phase.Positions < quad)
            {
                for (var k = 0; k < phase.Positions; k++) Element(slice, r + (k * step), o0, biasValue);
                continue;
            }
            // Runs of one vector's positions, two at a time; the last run overlaps the one
            // before rather than leave a tail: elements computed twice come out the same.
            var runs = (phase.Positions + quad - 1) / quad;
            for (var run = 0; run < runs; run += 2)
            {
                var k0 = Math.Min(run * quad, phase.Positions - quad);
                var k1 = Math.Min((run + 1) * quad, phase.Positions - quad);
                Lanes(slice, phase, k0, k1, o0 + r, step, biasValue);
            }
        }
    }

    /// <summary>What one output row reads: batch n and output channel oc, and the input rows and weight rows its (z, y) taps
    /// reach.</summary>
    private readonly ref struct Slice(int n, int oc, Span<int> inRows, Span<int> weightRows)
    {
        public int N { get; } = n;

        public int Oc { get; } = oc;

        public ReadOnlySpan<int> InRows { get; } = inRows;

        public ReadOnlySpan<int> WeightRows { get; } = weightRows;
    }

    private void Element(Slice slice, int ox, int o0, double biasValue)
    {
        var g = _g;
        var group = slice.Oc / g.Mg;
        var m = slice.Oc % g.Mg;
        var (xFrom, xTo) = _xs.Reaching(ox);
        // The bias is an addend like the products: it counts in the tolerance's sum and K.
        var acc = biasValue;
        var abs = Math.Abs(biasValue);
        for (var cg = 0; cg < g.Cg; cg++)
        {
            var ic = (group * g.Cg) + cg;
            var inPlane = g.InputIndex(slice.N, ic, 0, 0, 0);
            var weightPlane = g.WeightIndex(ic, m, 0, 0, 0);
            for (var pair = 0; pair < slice.InRows.Length; pair++)
            {
                var xRow = inPlane + slice.InRows[pair];
                var wRow = weightPlane + slice.WeightRows[pair];
                for (var jx = xFrom; jx < xTo; jx++)
                {
                    var product = _x[xRow + _xs.Input(jx)] * (double)_w[wRow + _xs.Tap(jx)];
                    acc = _sum.Add(acc, product);
                    abs += Math.Abs(product);
                }
            }
        }
        _output[o0 + ox] = acc;
        _absSum[o0 + ox] = abs;
    }

    /// <summary>
    /// Two runs of Vector&lt;double&gt;.Count consecutive positions of one stride phase, from k0
    /// and from k1. Near the borders a tap reaches only some of them: a mask per tap keeps the
    /// other lanes as they were, so each lane receives exactly its own addends.
    /// </summary>
    private void Lanes(Slice slice, PhaseTaps phase, int k0, int k1, int first, int step, double biasValue)
    {
        var g = _g;
        var group = slice.Oc / g.Mg;
        var m = slice.Oc % g.Mg;
        var taps = phase.Tap.AsSpan();
        var offsets = phase.Offset.AsSpan();
        var quad = Vector<double>.Count;
        var masked = Math.Min(k0, k1) < phase.InteriorBegin || Math.Max(k0, k1) + quad > phase.InteriorEnd;
        Span<Vector<double>> masks = !masked ? [] : taps.Length <= 32 ? stackalloc Vector<double>[2 * taps.Length]
            : new Vector<double>[2 * taps.Length];
        for (var j = 0; masked && j < taps.Length; j++)
        {
            var (from, to) = (new Vector<long>(phase.From[j]), new Vector<long>(phase.To[j]));
            var low = new Vector<long>(k0) + Vector<long>.Indices;
            var high = new Vector<long>(k1) + Vector<long>.Indices;
            masks[2 * j] = Vector.AsVectorDouble(Vector.GreaterThanOrEqual(low, from) & Vector.LessThan(low, to));
            masks[(2 * j) + 1] = Vector.AsVectorDouble(Vector.GreaterThanOrEqual(high, from) & Vector.LessThan(high, to));
        }
        ref var x = ref MemoryMarshal.GetArrayDataReference(_xPadded);
        ref var w = ref MemoryMarshal.GetArrayDataReference(_wDouble);
        var acc0 = new Vector<double>(biasValue);
        var acc1 = acc0;
        var abs0 = Vector.Abs(acc0);
        var abs1 = abs0;
        // Outputs no tap reaches (a stride above the kernel's reach) hold the bias alone.
        var channels = taps.Length == 0 || slice.InRows.IsEmpty ? 0 : g.Cg;
        var inPlane = _pad + g.InputIndex(slice.N, group * g.Cg, 0, 0, 0);
        var weightPlane = g.WeightIndex(group * g.Cg, m, 0, 0, 0);
        var inStep = g.InputIndex(0, 1, 0, 0, 0);
        var weightStep = g.WeightIndex(1, 0, 0, 0, 0);
        for (var cg = 0; cg < channels; cg++, inPlane += inStep, weightPlane += weightStep)
        {
            for (var pair = 0; pair < slice.InRows.Length; pair++)
            {
                ref var xRow = ref Unsafe.Add(ref x, inPlane + slice.InRows[pair]);
                ref var wRow = ref Unsafe.Add(ref w, weightPlane + slice.WeightRows[pair]);
                for (var j = 0; j < taps.Length; j++)
                {
                    var weight = new Vector<double>(Unsafe.Add(ref wRow, taps[j]));
                    // A float times a float is exact in double: one rounding per addition, as in Element.
                    var p0 = Widened(ref Unsafe.Add(ref xRow, k0 + offsets[j])) * weight;
                    var p1 = Widened(ref Unsafe.Add(ref xRow, k1 + offsets[j])) * weight;
                    if (masked)
                    {
                        acc0 = Vector.ConditionalSelect(masks[2 * j], acc0 + p0, acc0);
                        acc1 = Vector.ConditionalSelect(masks[(2 * j) + 1], acc1 + p1, acc1);
                        abs0 = Vector.ConditionalSelect(masks[2 * j], abs0 + Vector.Abs(p0), abs0);
                        abs1 = Vector.ConditionalSelect(masks[(2 * j) + 1], abs1 + Vector.Abs(p1), abs1);
                    }
                    else
                    {
                        acc0 += p0;
                        acc1 += p1;
                        abs0 += Vector.Abs(p0);
                        abs1 += Vector.Abs(p1);
                    }
                }
            }
        }
        Store(acc0, _output, first + (k0 * step), step);
        Store(acc1, _output, first + (k1 * step), step);
        Store(abs0, _absSum, first + (k0 * step), step);
        Store(abs1, _absSum, first + (k1 * step), step);
    }

    /// <summary>Vector&lt;double&gt;.Count floats from p on, in double (it reads as far again: the padding allows it).</summary>
    private static Vector<double> Widened(ref float p) => Vector.WidenLower(Vector.LoadUnsafe(ref p));

    private static void Store(Vector<double> values, double[] target, int start, int step)
    {
        if (step == 1)
        {
            values.CopyTo(target, start);
            return;
        }
        for (var l = 0; l < Vector<double>.Count; l++) target[start + (l * step)] = values[l];
    }
}
