using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Generation;

/// <summary>The region of case space a generator draws from; every feature is on by default, sizes small.</summary>
public sealed record CaseSpace
{
    public IReadOnlyList<int> Ranks { get; init; } = [1, 2, 3];
    public IReadOnlyList<DataType> DataTypes { get; init; } = [DataType.F32, DataType.F16];
    public IReadOnlyList<LayoutFamily> Layouts { get; init; } = [LayoutFamily.Nchw, LayoutFamily.Nhwc, LayoutFamily.Blocked16];
    public IReadOnlyList<FillMode> Fills { get; init; } = [FillMode.Random, FillMode.Exact];
    public int MaxStride { get; init; } = 3;
    public int MaxDilation { get; init; } = 2;
    public int MaxGroups { get; init; } = 3;
    public int MaxChannelsPerGroup { get; init; } = 3;
    public bool AutoPad { get; init; } = true;
    public bool OutputShape { get; init; } = true;

    /// <summary>Only stride 1 on every axis (the cases the rewrite covers exactly).</summary>
    public static CaseSpace StrideOne => new() { MaxStride = 1 };
}
