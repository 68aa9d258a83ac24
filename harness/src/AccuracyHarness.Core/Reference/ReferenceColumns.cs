using System.Buffers;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The reference as matrix products, for large cases (docs/ARCHITECTURE.md section 3): per batch and group
/// the columns W^T x X (for every output channel m and tap t, at every input position, the sum over the
/// group's input channels) through an <see cref="IGemm"/>, then every column added onto the outputs it
/// reaches, o = i*s + t*d - pb (col2im). The |addend| sums are the same product on |W| and |X| (a float
/// times a float is exact in double, so |x*w| = |x|*|w|); the term counts follow from the geometry alone.
/// </summary>
/// <remarks>
/// The addends are the loops' own, in another order: the bias first, then tap by tap each tap's sum over
/// the input channels, in the order the BLAS chooses. The comparison's bounds hold for any order. The order
/// is the same on every run: a block's columns are one product, and each output channel's plane is written
/// by one thread. Input rows are taken in blocks so that a block's columns stay near 16 MB for any layer.
/// </remarks>
internal sealed class ReferenceColumns
{
    /// <summary>Below this many multiply-adds the loops are as fast, and small cases keep the loops' exact order.</summary>
    private const double MinWork = 1 << 22;

    /// <summary>Fewer input channels per group than this leave the product too short a sum to pay (depthwise layers).</summary>
    private const int MinChannels = 4;

    /// <summary>The columns of one block, in doubles.</summary>
    private const int BlockLength = 1 << 21;

    private readonly DeconvGeometry _g;
    private readonly float[] _x;
    private readonly float[] _w;
    private readonly float[]? _bias;
    private readonly IGemm _gemm;
    private readonly int _taps;
    private readonly int _inPlane;
    private readonly int _blockRows;

    /// <summary>Per x tap, the inputs [From, To) whose outputs ix*s + Shift fall inside the row.</summary>
    private readonly (int From, int To, int Shift)[] _xReach;

    /// <param name="blockLength">The columns of one block, in doubles (tests make it small to cut every case into blocks).</param>
    public ReferenceColumns(DeconvGeometry g, float[] x, float[] w, float[]? bias, IGemm gemm, int blockLength = BlockLength)
    {
        (_g, _x, _w, _bias, _gemm) = (g, x, w, bias, gemm);
        _taps = g.Z.Kernel * g.Y.Kernel * g.X.Kernel;
        _inPlane = g.Z.In * g.Y.In * g.X.In;
        _blockRows = Math.Clamp(blockLength / Math.Max(1, g.Mg * _taps * g.X.In), 1, Math.Max(1, g.Z.In * g.Y.In));
        var a = g.X;
        _xReach = new (int, int, int)[a.Kernel];
        for (var t = 0; t < a.Kernel; t++)
        {
            var shift = (t * a.Dilation) - a.PadBegin;
            var from = Math.Max(0, ReferenceScatter.FloorDiv(-shift + a.Stride - 1, a.Stride));
            var to = Math.Min(a.In, ReferenceScatter.FloorDiv(a.Out - 1 - shift, a.Stride) + 1);
            _xReach[t] = (from, Math.Max(from, to), shift);
        }
    }

    /// <summary>Whether the products pay: a large case whose groups have enough input channels to sum over.</summary>
    public static bool Pays(DeconvGeometry g) => g.Work >= MinWork && g.Cg >= MinChannels;

    /// <summary>The output, its |addend| sums and term counts (the gather form's result).</summary>
    public ReferenceResult Sums()
    {
        var x = Array.ConvertAll(_x, v => (double)v);
        var w = Array.ConvertAll(_w, v => (double)v);
        var output = Sum(x, w, oc => _bias is null ? 0 : _bias[oc]);
        for (var i = 0; i < x.Length; i++) x[i] = Math.Abs(x[i]);
        for (var i = 0; i < w.Length; i++) w[i] = Math.Abs(w[i]);
        var absSum = Sum(x, w, oc => _bias is null ? 0 : Math.Abs(_bias[oc]));
        return new ReferenceResult(output, absSum, Terms());
    }

    /// <summary>The output alone (the scatter form's result).</summary>
    public double[] Output() =>
        Sum(Array.ConvertAll(_x, v => (double)v), Array.ConvertAll(_w, v => (double)v), oc => _bias is null ? 0 : _bias[oc]);

    private double[] Sum(double[] x, double[] w, Func<int, double> start)
    {
        var g = _g;
        var output = new double[g.OutputLength];
        var outPlane = g.Z.Out * g.Y.Out * g.X.Out;
        for (var n = 0; n < g.Batch; n++)
        for (var oc = 0; oc < g.M; oc++)
        {
            Array.Fill(output, start(oc), g.OutputIndex(n, oc, 0, 0, 0), outPlane);
        }
        var rows = g.Z.In * g.Y.In;
        var m = g.Mg * _taps;
        var columns = ArrayPool<double>.Shared.Rent(m * _blockRows * g.X.In);
        for (var n = 0; n < g.Batch; n++)
        for (var group = 0; group < g.Groups; group++)
        for (var r0 = 0; r0 < rows; r0 += _blockRows)
        {
            var r1 = Math.Min(rows, r0 + _blockRows);
            var width = (r1 - r0) * g.X.In;
            var weights = w.AsSpan(g.WeightIndex(group * g.Cg, 0, 0, 0, 0));
            var inputs = x.AsSpan(g.InputIndex(n, group * g.Cg, 0, 0, 0) + (r0 * g.X.In));
            _gemm.MultiplyTransposed(m, width, g.Cg, weights, m, inputs, _inPlane, columns.AsSpan(0, m * width));
            var first = g.OutputIndex(n, group * g.Mg, 0, 0, 0);
            for (var mg = 0; mg < g.Mg; mg++) Scatter(columns, width, r0, r1, output, first + (mg * outPlane), mg);
        }
        ArrayPool<double>.Shared.Return(columns);
        return output;
    }

    /// <summary>Adds output channel mg's columns of input rows [r0, r1) onto its output plane, tap by tap.</summary>
    private void Scatter(double[] columns, int width, int r0, int r1, double[] output, int plane, int mg)
    {
        var (za, ya, xa) = (_g.Z, _g.Y, _g.X);
        for (var tz = 0; tz < za.Kernel; tz++)
        for (var ty = 0; ty < ya.Kernel; ty++)
        for (var tx = 0; tx < xa.Kernel; tx++)
        {
            var column = ((mg * _taps) + (((tz * ya.Kernel) + ty) * xa.Kernel) + tx) * width;
            var (from, to, shift) = _xReach[tx];
            for (var r = r0; r < r1; r++)
            {
                if (!ReferenceScatter.Target(r / ya.In, tz, za, out var oz)) continue;
                if (!ReferenceScatter.Target(r % ya.In, ty, ya, out var oy)) continue;
                var outRow = plane + (((oz * ya.Out) + oy) * xa.Out) + shift;
                var inRow = column + ((r - r0) * xa.In);
                for (var ix = from; ix < to; ix++) output[outRow + (ix * xa.Stride)] += columns[inRow + ix];
            }
        }
    }

    private int[] Terms()
    {
        var g = _g;
        var (zs, ys, xs) = (new AxisTaps(g.Z), new AxisTaps(g.Y), new AxisTaps(g.X));
        var terms = new int[g.OutputLength];
        var biasTerms = _bias is null ? 0 : 1;
        var i = 0;
        for (var plane = 0; plane < g.Batch * g.M; plane++)
        for (var oz = 0; oz < g.Z.Out; oz++)
        for (var oy = 0; oy < g.Y.Out; oy++)
        for (var ox = 0; ox < g.X.Out; ox++)
        {
            terms[i++] = biasTerms + (g.Cg * zs.Count(oz) * ys.Count(oy) * xs.Count(ox));
        }
        return terms;
    }
}
