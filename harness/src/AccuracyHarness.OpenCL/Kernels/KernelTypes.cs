using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>
/// What a kernel's header says of a case's arithmetic besides its shape (README "Your own kernels", header): the
/// storage types of source, weights and destination, whether zero points and weight scales are one value or one per
/// channel, and the post-op chain. Cases that agree on these share a program.
/// </summary>
public sealed record KernelTypes(CaseTypes Types, PostOps PostOps, bool PerChannelZeroPoints, bool PerChannelWeightScales)
{
    /// <summary>One float storage type, no post-ops: the original contract's kernels (five arguments).</summary>
    public static KernelTypes Plain(DataType type) => new(CaseTypes.Uniform(type), PostOps.None, false, false);

    public static KernelTypes Of(DeconvCase c) =>
        new(c.Types, c.PostOps, c.SourceZeroPoint.PerChannel, c.PerChannelWeightScales);

    /// <summary>f32 or f16 without post-ops: no epilogue arguments, and the header of the original contract with the
    /// epilogue macros after it.</summary>
    public bool IsPlain => Types.Single is DataType.F32 or DataType.F16 && PostOps.IsNone;

    /// <summary>The bias is f16 in f16 cases, f32 in every other (README "Data types").</summary>
    public DataType Bias => Types.Single == DataType.F16 ? DataType.F16 : DataType.F32;

    /// <summary>The header comment's words: <c>u8s8u8 storage, post-ops relu+sum0.5</c>.</summary>
    public string Describe() => $"{Types.Name} storage" + (PostOps.IsNone ? "" : $", post-ops {PostOps.Text}");
}
