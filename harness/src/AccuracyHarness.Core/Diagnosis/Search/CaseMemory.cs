using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// A case's buffers as a kernel sees them (the input packed in the case's layout, the weights and bias as stored), and
/// the runner of <see cref="KernelMapping"/>s over them: a read outside a buffer leaves its element open
/// (<see cref="Prediction.Unknown"/>), since a kernel gets whatever memory holds there.
/// </summary>
public sealed class CaseMemory
{
    private readonly float[] _x;
    private readonly float[] _w;
    private readonly float[]? _bias;
    private readonly DataLayout _layout;
    private readonly List<(int Input, int Tap)>[][] _correctReads;

    public CaseMemory(Problem p, CaseInputs inputs)
    {
        Problem = p;
        Geometry = DeconvGeometry.Of(p);
        _layout = DataLayout.ForInput(p);
        _x = _layout.Pack(inputs.Input.Data);
        _w = inputs.Weights.Data;
        _bias = inputs.Bias?.Data;
        _correctReads =
        [
            GatherVariant.Reads(Geometry.Z, AxisArithmetic.Correct), GatherVariant.Reads(Geometry.Y, AxisArithmetic.Correct),
            GatherVariant.Reads(Geometry.X, AxisArithmetic.Correct),
        ];
    }

    public Problem Problem { get; }

    public DeconvGeometry Geometry { get; }

    public bool HasBias => _bias is not null;

    public int Taps => Geometry.Z.Kernel * Geometry.Y.Kernel * Geometry.X.Kernel;

    /// <summary>The whole output the mapped kernel writes.</summary>
    public Prediction Predict(KernelMapping m) => Predict(m, Enumerable.Range(0, Geometry.OutputLength));

    /// <summary>
    /// The listed elements of the output the mapped kernel writes; the others are left open, so a prediction made on a
    /// sample is checked on that sample only.
    /// </summary>
    public Prediction Predict(KernelMapping m, IEnumerable<int> elements)
    {
        var g = Geometry;
        var arithmetic = m.Arithmetic;
        var reads = new[]
        {
            GatherVariant.Reads(g.Z, arithmetic[0]), GatherVariant.Reads(g.Y, arithmetic[1]), GatherVariant.Reads(g.X, arithmetic[2]),
        };
        var output = new double[g.OutputLength];
        var absSum = new double[g.OutputLength];
        var terms = new int[g.OutputLength];
        var unknown = new bool[g.OutputLength];
        var computed = new bool[g.OutputLength];
        foreach (var e in elements)
        {
            computed[e] = true;
            unknown[e] = !Element(m, reads, e, out output[e], out absSum[e], out terms[e]);
        }
        for (var e = 0; e < computed.Length; e++) unknown[e] |= !computed[e];
        return new Prediction(output, absSum, terms) { Unknown = unknown.Any(u => u) ? unknown : null };
    }

    /// <summary>One element's sum; false when some read leaves the input buffer.</summary>
    private bool Element(KernelMapping m, List<(int Input, int Tap)>[][] reads, int e, out double sum, out double abs, out int count)
    {
        var g = Geometry;
        var ox = e % g.X.Out;
        var oy = e / g.X.Out % g.Y.Out;
        var oz = e / g.X.Out / g.Y.Out % g.Z.Out;
        var kernelChannel = e / g.X.Out / g.Y.Out / g.Z.Out % g.M;
        var n = m.BatchSource?[e / g.X.Out / g.Y.Out / g.Z.Out / g.M] ?? e / g.X.Out / g.Y.Out / g.Z.Out / g.M;
        var oc = m.ChannelSource?[kernelChannel] ?? kernelChannel;
        (sum, abs, count) = (0, 0, 0);
        if (oc < 0)
        {
            sum = double.NaN;
            return true;
        }
        if (_bias is not null && m.BiasFactor != 0)
        {
            sum = m.BiasFactor * _bias[oc];
            (abs, count) = (Math.Abs(sum), 1);
        }
        var group = oc / g.Mg;
        var mm = oc % g.Mg;
        var input = m.Reads;
        Span<int> at = stackalloc int[3];
        var inside = true;
        for (var c = 0; c < g.Cg; c++)
        {
            var channelFactor = m.ChannelFactor?[c] ?? 1;
            if (channelFactor == 0) continue;
            var ic = (group * g.Cg) + c;
            var icRead = input.Channels?[ic] ?? ic;
            foreach (var (iz, tz) in reads[0][oz])
            foreach (var (iy, ty) in reads[1][oy])
            foreach (var (ix, tx) in reads[2][ox])
            {
                var factor = channelFactor * (m.TapFactor?[(((tz * g.Y.Kernel) + ty) * g.X.Kernel) + tx] ?? 1);
                if (factor == 0) continue;
                (at[0], at[1], at[2]) = (iz, iy, ix);
                if (input.Swap is { } swap) (at[swap.A], at[swap.B]) = (at[swap.B], at[swap.A]);
                var offset = _layout.Offset(n, icRead, at[0], at[1], at[2]);
                var wi = g.WeightIndex(ic, mm, tz, ty, tx);
                if (offset < 0 || offset >= _x.Length)
                {
                    inside = false;
                    continue;
                }
                var product = factor * _x[offset] * (double)_w[m.WeightRead?[wi] ?? wi];
                sum += product;
                abs += Math.Abs(product);
                count++;
            }
        }
        return inside;
    }

    /// <summary>
    /// The correct kernel's sum for element e split into terms: the bias, and per (input channel within its group, tap)
    /// the product and its absolute value, indexed c * taps + tap.
    /// </summary>
    public double Partials(int e, double[] products)
    {
        var g = Geometry;
        Array.Clear(products);
        var ox = e % g.X.Out;
        var oy = e / g.X.Out % g.Y.Out;
        var oz = e / g.X.Out / g.Y.Out % g.Z.Out;
        var oc = e / g.X.Out / g.Y.Out / g.Z.Out % g.M;
        var n = e / g.X.Out / g.Y.Out / g.Z.Out / g.M;
        for (var c = 0; c < g.Cg; c++)
        {
            var ic = (oc / g.Mg * g.Cg) + c;
            foreach (var (iz, tz) in _correctReads[0][oz])
            foreach (var (iy, ty) in _correctReads[1][oy])
            foreach (var (ix, tx) in _correctReads[2][ox])
            {
                var tap = (((tz * g.Y.Kernel) + ty) * g.X.Kernel) + tx;
                products[(c * Taps) + tap] = _x[_layout.Offset(n, ic, iz, iy, ix)] * (double)_w[g.WeightIndex(ic, oc % g.Mg, tz, ty, tx)];
            }
        }
        return _bias?[oc] ?? 0;
    }
}
