using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// A gather kernel described by where it reads and writes (docs/ARCHITECTURE.md section 8, "Search"): the index
/// arithmetic per axis, the weight buffer element it reads for each logical weight, how it addresses the input,
/// factors on taps, channels and the bias (0 drops a term, 2 doubles it) and which computed channel and batch each
/// output element holds. Every field left at its default reads as the correct kernel does; <see cref="CaseMemory"/>
/// runs it.
/// </summary>
/// <param name="WeightRead">Logical weight index (IOYX, [C][M/G][k...]) to the buffer index read; null: the same.</param>
/// <param name="TapFactor">Per tap (z, y, x flattened), the factor its products are taken with; null: all 1.</param>
/// <param name="ChannelFactor">Per input channel within its group, the factor its products are taken with; null: all 1.</param>
/// <param name="ChannelSource">Per output channel, the channel whose sum the kernel writes there (-1: none); null: its own.</param>
/// <param name="BatchSource">Per batch, the batch whose sums the kernel writes there; null: its own.</param>
public sealed record KernelMapping(
    int[]? WeightRead = null,
    InputRead? Input = null,
    AxisArithmetic[]? Axes = null,
    double[]? TapFactor = null,
    double[]? ChannelFactor = null,
    double BiasFactor = 1,
    int[]? ChannelSource = null,
    int[]? BatchSource = null)
{
    public static KernelMapping Correct { get; } = new();

    public InputRead Reads => Input ?? InputRead.Correct;

    public AxisArithmetic[] Arithmetic => Axes ?? [AxisArithmetic.Correct, AxisArithmetic.Correct, AxisArithmetic.Correct];
}
