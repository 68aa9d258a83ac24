using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Reference;

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
