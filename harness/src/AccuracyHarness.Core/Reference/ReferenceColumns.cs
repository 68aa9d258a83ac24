using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The reference as matrix products, for large cases (docs/ARCHITECTURE.md section 3): per batch and group
/// the columns W^T x X (for every output channel m and tap t, at every input position, the sum over the
/// group's input channels) through an <see cref="IGemm"/>, then every column added onto the outputs it
/// reaches, o = i*s + t*d - pb (col2im). The values are a product in double (a float times a float is exact
/// there). The |addend| sums are a product in single precision on |W| and |X|, bounded upwards (see
/// <see cref="MagnitudeBound"/>); the term counts follow from the geometry alone.
/// </summary>
/// <remarks>
/// The addends are the loops' own, in another order: the bias first, then block by block of input rows and
/// tap by tap each tap's sum over the input channels, in the order the BLAS chooses. The comparison's bounds
/// hold for any order. The order is the same on every run and thread count: a block's columns are one product
/// (OpenBLAS splits it by rows and columns of the result, never along its sums), and each output row of the col2im
/// is written by one task.
/// Input rows are taken in blocks of at most 2 MB of columns, at least 1536 columns wide.
/// </remarks>
internal sealed class ReferenceColumns
{
    /// <summary>Below this many multiply-adds the loops are as fast, and small cases keep the loops' exact order.</summary>
    private const double MinWork = 1 << 22;

    /// <summary>Fewer input channels per group than this leave the product too short a sum to pay (depthwise layers).</summary>
    private const int MinChannels = 4;

    /// <summary>The columns of one block, in doubles, at most (2 MB, still in cache when the col2im reads them)...</summary>
    private const int BlockLength = 1 << 18;

    /// <summary>... unless that leaves the product fewer columns than this, too narrow a product to run near the BLAS's peak.</summary>
    private const int MinWidth = 1536;

    /// <summary>Output rows per task of the col2im: enough elements that a task outweighs its scheduling.</summary>
    private const int RowsPerTask = 8;

    private readonly DeconvGeometry _g;
    private readonly float[] _x;
    private readonly float[] _w;
    private readonly float[]? _bias;
    private readonly IGemm _gemm;
    private readonly bool _integral;
    private readonly int _taps;
    private readonly int _rows;
    private readonly int _blockRows;
    private readonly AxisTaps _zs;
    private readonly AxisTaps _ys;

    /// <summary>Per output x, how many x taps reach it.</summary>
    private readonly int[] _xCounts;

    /// <summary>Per x tap, the inputs [From, To) whose outputs ix*s + Shift fall inside the row.</summary>
    private readonly (int From, int To, int Shift)[] _xReach;

    /// <param name="integral">Whether every input and weight is a whole number (a quantized case's centred sum).</param>
    /// <param name="blockRows">Input rows per block (tests make it small to cut every case into blocks); by default as many as
    /// <see cref="BlockLength"/> and <see cref="MinWidth"/> allow.</param>
    public ReferenceColumns(DeconvGeometry g, float[] x, float[] w, float[]? bias, IGemm gemm, bool integral = false,
        int? blockRows = null)
    {
        (_g, _x, _w, _bias, _gemm, _integral) = (g, x, w, bias, gemm, integral);
        _taps = g.Z.Kernel * g.Y.Kernel * g.X.Kernel;
        _rows = g.Z.In * g.Y.In;
        var fits = Math.Max(BlockLength / (g.Mg * _taps), MinWidth) / g.X.In;
        _blockRows = Math.Clamp(blockRows ?? fits, 1, Math.Max(1, _rows));
        (_zs, _ys) = (new AxisTaps(g.Z), new AxisTaps(g.Y));
        var xs = new AxisTaps(g.X);
        _xCounts = Enumerable.Range(0, g.X.Out).Select(xs.Count).ToArray();
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
    public ReferenceResult Sums() => new(Output(), MagnitudeSums(), Terms());

    /// <summary>The output alone (the scatter form's result).</summary>
    public double[] Output() =>
        Sum(Array.ConvertAll(_w, v => (double)v), _bias is null ? null : Array.ConvertAll(_bias, v => (double)v), null);

    /// <summary>The |addend| sums: the product on |W| and |X| in single precision, bounded upwards.</summary>
    private double[] MagnitudeSums() =>
        Sum(Array.ConvertAll(_w, Math.Abs), _bias is null ? null : Array.ConvertAll(_bias, v => (double)Math.Abs(v)),
            new MagnitudeBound(_g.Cg, _taps, _integral));

    /// <summary>
    /// The product in <typeparamref name="T"/> block by block, each block's columns added onto the outputs (which
    /// start at <paramref name="start"/> per output channel); with <paramref name="bound"/>, the magnitudes of X
    /// are summed and every finished sum bounded.
    /// </summary>
    private double[] Sum<T>(T[] w, double[]? start, MagnitudeBound? bound)
        where T : unmanaged, INumberBase<T>
    {
        var g = _g;
        // Every element is written (the first block opens every row), so the array need not be cleared first.
        var output = GC.AllocateUninitializedArray<double>(g.OutputLength);
        var m = g.Mg * _taps;
        var maxWidth = _blockRows * g.X.In;
        var inputs = ArrayPool<T>.Shared.Rent(g.Cg * maxWidth);
        var columns = ArrayPool<T>.Shared.Rent(m * maxWidth);
        for (var n = 0; n < g.Batch; n++)
        for (var group = 0; group < g.Groups; group++)
        for (var r0 = 0; r0 < _rows; r0 += _blockRows)
        {
            var r1 = Math.Min(_rows, r0 + _blockRows);
            var width = (r1 - r0) * g.X.In;
            Widen(n, group, r0, width, inputs, bound is not null);
            Multiply(m, width, w.AsSpan(g.WeightIndex(group * g.Cg, 0, 0, 0, 0)), inputs, columns.AsSpan(0, m * width));
            var block = (n, group, r0, r1, width);
            ForRows(g.Mg * g.Z.Out * g.Y.Out, row => Col2Im(columns, block, row, output, start, bound));
        }
        ArrayPool<T>.Shared.Return(inputs);
        ArrayPool<T>.Shared.Return(columns);
        return output;
    }

    /// <summary>The block's inputs (or their magnitudes) as <typeparamref name="T"/>, channel by channel, Width apart.</summary>
    private void Widen<T>(int n, int group, int r0, int width, T[] inputs, bool magnitudes)
        where T : unmanaged, INumberBase<T>
    {
        ForRows(_g.Cg, c =>
        {
            var from = _x.AsSpan(_g.InputIndex(n, (group * _g.Cg) + c, 0, 0, 0) + (r0 * _g.X.In), width);
            var to = inputs.AsSpan(c * width, width);
            if (magnitudes)
            {
                for (var i = 0; i < width; i++) to[i] = T.CreateTruncating(Math.Abs(from[i]));
            }
            else
            {
                for (var i = 0; i < width; i++) to[i] = T.CreateTruncating(from[i]);
            }
        });
    }

    private void Multiply<T>(int m, int width, ReadOnlySpan<T> w, ReadOnlySpan<T> inputs, Span<T> columns)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            _gemm.MultiplyTransposed(m, width, _g.Cg, MemoryMarshal.Cast<T, double>(w), m, MemoryMarshal.Cast<T, double>(inputs), width,
                MemoryMarshal.Cast<T, double>(columns));
        }
        else
        {
            _gemm.MultiplyTransposed(m, width, _g.Cg, MemoryMarshal.Cast<T, float>(w), m, MemoryMarshal.Cast<T, float>(inputs), width,
                MemoryMarshal.Cast<T, float>(columns));
        }
    }

    /// <summary>
    /// Adds the block's columns onto output row <paramref name="row"/> (of the group's output channels, rows of every
    /// plane in turn), tap by tap ascending; each row is one task's, so its order is the same on every run. The block
    /// that holds the group's first input rows opens the row with its start value, the one that holds the last bounds
    /// it, while the row is in cache.
    /// </summary>
    /// <param name="block">Input rows [R0, R1) of one batch and group, Width = (R1 - R0) * X.In columns per channel and tap.</param>
    private void Col2Im<T>(T[] columns, (int N, int Group, int R0, int R1, int Width) block, int row, double[] output, double[]? start,
        MagnitudeBound? bound)
        where T : unmanaged, INumberBase<T>
    {
        var (za, ya, xa) = (_g.Z, _g.Y, _g.X);
        var planeRows = za.Out * ya.Out;
        var (mg, oz, oy) = (row / planeRows, row % planeRows / ya.Out, row % ya.Out);
        var oc = (block.Group * _g.Mg) + mg;
        var target = output.AsSpan(_g.OutputIndex(block.N, oc, oz, oy, 0), xa.Out);
        if (block.R0 == 0) target.Fill(start?[oc] ?? 0);
        var (zBegin, zEnd) = _zs.Reaching(oz);
        var (yBegin, yEnd) = _ys.Reaching(oy);
        for (var jz = zBegin; jz < zEnd; jz++)
        for (var jy = yBegin; jy < yEnd; jy++)
        {
            var r = (_zs.Input(jz) * ya.In) + _ys.Input(jy);
            if (r < block.R0 || r >= block.R1) continue;
            var tap = ((_zs.Tap(jz) * ya.Kernel) + _ys.Tap(jy)) * xa.Kernel;
            var column = (((mg * _taps) + tap) * block.Width) + ((r - block.R0) * xa.In);
            for (var tx = 0; tx < xa.Kernel; tx++, column += block.Width)
            {
                var (from, to, shift) = _xReach[tx];
                if (from < to) AddRun<T>(columns.AsSpan(column + from, to - from), target[(shift + (from * xa.Stride))..], xa.Stride);
            }
        }
        if (block.R1 == _rows && bound is { } b)
        {
            var perX = ProductsPerXTap(oz, oy);
            for (var ox = 0; ox < target.Length; ox++) target[ox] = b.Apply(target[ox], perX * _xCounts[ox]);
        }
    }

    /// <summary>
    /// Runs <paramref name="row"/> on rows 0 to count - 1 (output rows, or input channels), on every core,
    /// <see cref="RowsPerTask"/> rows a task.
    /// </summary>
    private static void ForRows(int count, Action<int> row) =>
        Parallel.For(0, (count + RowsPerTask - 1) / RowsPerTask, task =>
        {
            for (var r = task * RowsPerTask; r < Math.Min(count, (task + 1) * RowsPerTask); r++) row(r);
        });

    /// <summary>to[i * stride] += from[i] for every i: a column's run (not empty) onto every stride-th element of an output row.</summary>
    private static void AddRun<T>(ReadOnlySpan<T> from, Span<double> to, int stride)
        where T : unmanaged, INumberBase<T>
    {
        // One range check for the run instead of two per element.
        _ = to[(from.Length - 1) * stride];
        ref var source = ref MemoryMarshal.GetReference(from);
        ref var target = ref MemoryMarshal.GetReference(to);
        var i = 0;
        if (stride == 1 && typeof(T) == typeof(double))
        {
            for (; i + Vector<double>.Count <= from.Length; i += Vector<double>.Count)
            {
                ref var sum = ref Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref target, i));
                sum += Unsafe.As<T, Vector<double>>(ref Unsafe.Add(ref source, i));
            }
        }
        for (; i < from.Length; i++) Unsafe.Add(ref target, i * stride) += double.CreateTruncating(Unsafe.Add(ref source, i));
    }

    /// <summary>
    /// The products of an output at (oz, oy) per x tap that reaches it: every input channel of the group at every z and y tap.
    /// </summary>
    private int ProductsPerXTap(int oz, int oy) => _g.Cg * _zs.Count(oz) * _ys.Count(oy);

    private int[] Terms()
    {
        var g = _g;
        var terms = GC.AllocateUninitializedArray<int>(g.OutputLength);
        var biasTerms = _bias is null ? 0 : 1;
        var planeRows = g.Z.Out * g.Y.Out;
        ForRows(g.Batch * g.M * planeRows, row =>
        {
            var (oz, oy) = (row % planeRows / g.Y.Out, row % g.Y.Out);
            var perX = ProductsPerXTap(oz, oy);
            var target = terms.AsSpan(row * g.X.Out, g.X.Out);
            for (var ox = 0; ox < target.Length; ox++) target[ox] = biasTerms + (perX * _xCounts[ox]);
        });
        return terms;
    }
}
