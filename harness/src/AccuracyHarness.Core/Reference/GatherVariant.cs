using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// A gather kernel with its index arithmetic described per axis (z, y, x) and per channel group:
/// the fault models of the index family run it (docs/ARCHITECTURE.md section 8). Unlike the
/// reference it reads the input the way a kernel does, through the case's layout at the flat
/// offset its coordinates give, so a missing range check reads the neighbour a kernel would read.
/// </summary>
/// <param name="GroupOffsetMissing">Every group reads the input channels (and weights) of group 0.</param>
public sealed record GatherVariant(AxisArithmetic Z, AxisArithmetic Y, AxisArithmetic X, bool GroupOffsetMissing = false)
{
    public AxisArithmetic[] Axes => [Z, Y, X];

    /// <summary>
    /// The variant's sums in logical output order, and the elements whose value the variant cannot
    /// know: those that read outside the input buffer, where a kernel gets whatever memory holds.
    /// </summary>
    public (ReferenceResult Sums, bool[] Unknown) Run(Problem p, CaseInputs inputs)
    {
        var g = DeconvGeometry.Of(p);
        var layout = DataLayout.ForInput(p);
        var x = layout.Pack(inputs.Input.Data);
        var w = inputs.Weights.Data;
        var bias = inputs.Bias?.Data;
        var reads = new[] { Reads(g.Z, Z), Reads(g.Y, Y), Reads(g.X, X) };
        var output = new double[g.OutputLength];
        var absSum = new double[g.OutputLength];
        var terms = new int[g.OutputLength];
        var unknown = new bool[g.OutputLength];
        for (var n = 0; n < g.Batch; n++)
        for (var oc = 0; oc < g.M; oc++)
        {
            var group = GroupOffsetMissing ? 0 : oc / g.Mg;
            var m = oc % g.Mg;
            for (var oz = 0; oz < g.Z.Out; oz++)
            for (var oy = 0; oy < g.Y.Out; oy++)
            for (var ox = 0; ox < g.X.Out; ox++)
            {
                var e = g.OutputIndex(n, oc, oz, oy, ox);
                double sum = bias is null ? 0 : bias[oc];
                var abs = Math.Abs(sum);
                var count = bias is null ? 0 : 1;
                for (var c = 0; c < g.Cg; c++)
                {
                    var ic = (group * g.Cg) + c;
                    foreach (var (iz, tz) in reads[0][oz])
                    foreach (var (iy, ty) in reads[1][oy])
                    foreach (var (ix, tx) in reads[2][ox])
                    {
                        var at = layout.Offset(n, ic, iz, iy, ix);
                        if (at < 0 || at >= x.Length)
                        {
                            unknown[e] = true;
                            continue;
                        }
                        var product = (double)x[at] * w[g.WeightIndex(ic, m, tz, ty, tx)];
                        sum += product;
                        abs += Math.Abs(product);
                        count++;
                    }
                }
                (output[e], absSum[e], terms[e]) = (sum, abs, count);
            }
        }
        return (new ReferenceResult(output, absSum, terms), unknown);
    }

    /// <summary>Per output position of the axis, the (input, tap) pairs the arithmetic reads.</summary>
    internal static List<(int Input, int Tap)>[] Reads(Axis a, AxisArithmetic arithmetic)
    {
        var reads = new List<(int, int)>[a.Out];
        for (var o = 0; o < a.Out; o++)
        {
            reads[o] = [];
            for (var t = 0; t < a.Kernel; t++)
            {
                if (arithmetic.Resolve(a, o, t, out var i)) reads[o].Add((i, t));
            }
        }
        return reads;
    }
}
