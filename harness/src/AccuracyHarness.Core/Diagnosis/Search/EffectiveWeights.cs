using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// The weights a kernel effectively multiplied with, recovered from its output instead of enumerated: with the input
/// read correctly, each output channel is linear in its Cg * taps weights, so a least-squares solve over the channel's
/// elements gives them. A kernel that reads the weight buffer wrongly (another axis order, flips, a group stride)
/// multiplies with stored values from other places, so a mapping that only changes the weight read can fit the output
/// only where its values match the recovered ones, and none can where no weights at all reproduce the output. This
/// turns thousands of candidate orders (a 3D grouped case has 720 orders times 8 flips) into a comparison of values
/// each. Weights that no element multiplies stay open. None is recovered (the search then runs every candidate) when
/// the system is too large, has fewer than twice as many elements as unknowns, or its inputs are dependent.
/// </summary>
public sealed class EffectiveWeights
{
    private const int MaxUnknowns = 256;

    /// <summary>Multiply-adds the recovery may take, so that it stays small beside the search's budget.</summary>
    private const double MaxWork = 5e7;

    /// <summary>
    /// Relative residual below which some weights reproduce the output: rounding leaves about 1e-3 (f16), a wrong
    /// input read or a dropped term leaves the size of the terms.
    /// </summary>
    private const double ResidualLimit = 1e-2;

    /// <summary>
    /// How far a stored weight may be from a recovered one: this many standard errors of the recovered value (the
    /// residual's spread through the solve: a weight few elements multiply, by small inputs, is known less well), and
    /// at least <see cref="ValueFloor"/> of the largest stored weight (f16 outputs leave about 1% on some weights,
    /// more than their standard error says, as the rounding grows with each element's size). Loose on purpose: the
    /// recovery only rules mappings out, one it admits must still reproduce the output, and a wrong weight order
    /// misplaces most weights by about their own size.
    /// </summary>
    private const double StandardErrors = 16;

    private const double ValueFloor = 0.05;

    private readonly CaseMemory _memory;

    /// <summary>Per logical weight, the value the kernel multiplied with; NaN where no element multiplies it.</summary>
    private readonly double[] _values;

    /// <summary>Per logical weight, how far a stored value may be from the recovered one.</summary>
    private readonly double[] _tolerance;

    private EffectiveWeights(CaseMemory memory, double[] values, bool reproduces, double[] tolerance)
    {
        _memory = memory;
        _values = values;
        Reproduces = reproduces;
        _tolerance = tolerance;
    }

    /// <summary>Whether some weights, read with the input read correctly, reproduce the output.</summary>
    public bool Reproduces { get; }

    public static EffectiveWeights? Recover(CaseMemory memory, Tensor got)
    {
        var g = memory.Geometry;
        var unknowns = g.Cg * memory.Taps;
        var plane = g.Z.Out * g.Y.Out * g.X.Out;
        var rows = g.Batch * plane;
        // Twice as many elements as unknowns at least, so that the residual says how well each weight is known.
        if (unknowns > MaxUnknowns || rows < 2 * unknowns) return null;
        rows = Math.Min(rows, 4 * unknowns);
        if ((double)g.M * ((rows * (double)unknowns * unknowns) + Math.Pow(unknowns, 3)) > MaxWork) return null;
        var values = new double[g.C * g.Mg * memory.Taps];
        var tolerance = new double[values.Length];
        var floor = ValueFloor * Enumerable.Range(0, values.Length).Max(i => Math.Abs(memory.Weight(i)));
        var (residual, scale) = (0.0, 0.0);
        var input = new double[unknowns];
        var normal = new double[unknowns, unknowns];
        var right = new double[unknowns];
        for (var oc = 0; oc < g.M; oc++)
        {
            Array.Clear(normal);
            Array.Clear(right);
            var elements = Enumerable.Range(0, rows).Select(r => Element(g.Batch * plane, rows, r, oc, g.M, plane))
                .Where(e => float.IsFinite(got.Data[e])).ToList();
            if (elements.Count < 2 * unknowns) return null;
            foreach (var e in elements)
            {
                var y = got.Data[e] - memory.Inputs(e, input);
                for (var i = 0; i < unknowns; i++)
                {
                    if (input[i] == 0) continue;
                    right[i] += input[i] * y;
                    for (var j = 0; j < unknowns; j++) normal[i, j] += input[i] * input[j];
                }
            }
            if (Solve(normal, right) is not var (weights, variance)) return null;
            var channelResidual = 0.0;
            foreach (var e in elements)
            {
                var y = got.Data[e] - memory.Inputs(e, input);
                var fitted = Enumerable.Range(0, unknowns).Sum(i => input[i] * (double.IsNaN(weights[i]) ? 0 : weights[i]));
                channelResidual += (fitted - y) * (fitted - y);
                scale += y * y;
            }
            residual += channelResidual;
            var sigma = Math.Sqrt(channelResidual / Math.Max(1, elements.Count - unknowns));
            var first = ((oc / g.Mg * g.Cg * g.Mg) + (oc % g.Mg)) * memory.Taps;
            for (var i = 0; i < unknowns; i++)
            {
                var at = first + (i / memory.Taps * g.Mg * memory.Taps) + (i % memory.Taps);
                values[at] = weights[i];
                tolerance[at] = Math.Max(floor, StandardErrors * sigma * Math.Sqrt(variance[i]));
            }
        }
        var reproduces = residual <= ResidualLimit * ResidualLimit * Math.Max(scale, double.Epsilon);
        return new EffectiveWeights(memory, values, reproduces, tolerance);
    }

    /// <summary>
    /// Whether the mapping may fit the output: one that changes only the weight read must read the recovered values;
    /// any other mapping is not judged here.
    /// </summary>
    public bool Admits(KernelMapping m)
    {
        if (m.WeightRead is not { } reads || !(m with { WeightRead = null }).Equals(KernelMapping.Correct)) return true;
        if (!Reproduces) return false;
        for (var i = 0; i < _values.Length; i++)
        {
            if (!double.IsNaN(_values[i]) && Math.Abs(_memory.Weight(reads[i]) - _values[i]) > _tolerance[i]) return false;
        }
        return true;
    }

    /// <summary>Row r of a channel's elements, spread over its batches and plane when only some are used.</summary>
    private static int Element(int all, int used, int r, int oc, int channels, int plane)
    {
        var k = (int)((long)r * all / used);
        return ((k / plane * channels) + oc) * plane + (k % plane);
    }

    /// <summary>
    /// The normal equations solved by Cholesky over the unknowns that some element multiplies (the others are NaN),
    /// with the diagonal of their inverse (each unknown's variance per unit residual variance); null when those are
    /// dependent.
    /// </summary>
    private static (double[] X, double[] Variance)? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var used = Enumerable.Range(0, n).Where(i => a[i, i] > 0).ToArray();
        var k = used.Length;
        var l = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[used[i], used[j]];
                for (var q = 0; q < j; q++) sum -= l[i, q] * l[j, q];
                if (i != j)
                {
                    l[i, j] = sum / l[j, j];
                }
                else
                {
                    // A pivot lost to cancellation: this unknown is (nearly) a combination of the others.
                    if (sum <= 1e-9 * a[used[i], used[i]]) return null;
                    l[i, i] = Math.Sqrt(sum);
                }
            }
        }
        var z = new double[k];
        for (var i = 0; i < k; i++)
        {
            var sum = b[used[i]];
            for (var q = 0; q < i; q++) sum -= l[i, q] * z[q];
            z[i] = sum / l[i, i];
        }
        var x = Enumerable.Repeat(double.NaN, n).ToArray();
        for (var i = k - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var q = i + 1; q < k; q++) sum -= l[q, i] * x[used[q]];
            x[used[i]] = sum / l[i, i];
        }
        // diag(A^-1) = squared column norms of L^-1, solved column by column.
        var variance = new double[n];
        var column = new double[k];
        for (var j = 0; j < k; j++)
        {
            Array.Clear(column);
            for (var i = j; i < k; i++)
            {
                var sum = i == j ? 1.0 : 0.0;
                for (var q = j; q < i; q++) sum -= l[i, q] * column[q];
                column[i] = sum / l[i, i];
                variance[used[j]] += column[i] * column[i];
            }
        }
        return (x, variance);
    }
}
