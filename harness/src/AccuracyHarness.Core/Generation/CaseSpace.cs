using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Generation;

/// <summary>The region of case space a generator draws from; every feature is on by default, sizes small.</summary>
public sealed record CaseSpace
{
    public IReadOnlyList<int> Ranks { get; init; } = [1, 2, 3];
    public IReadOnlyList<CaseTypes> DataTypes { get; init; } = [CaseTypes.F32, CaseTypes.F16];
    public IReadOnlyList<LayoutFamily> Layouts { get; init; } = [LayoutFamily.Nchw, LayoutFamily.Nhwc, LayoutFamily.Blocked16];
    public IReadOnlyList<FillMode> Fills { get; init; } = [FillMode.Random, FillMode.Exact];
    public int MaxStride { get; init; } = 3;
    public int MaxDilation { get; init; } = 2;
    public int MaxGroups { get; init; } = 3;
    public int MaxChannelsPerGroup { get; init; } = 3;
    public bool AutoPad { get; init; } = true;
    public bool OutputShape { get; init; } = true;

    /// <summary>The post-op chains to draw from; none by default.</summary>
    public IReadOnlyList<PostOps> PostOpChains { get; init; } = [PostOps.None];

    /// <summary>Every data type, zero point, scale and post-op the grammar has.</summary>
    public static CaseSpace EveryType => new()
    {
        DataTypes = CaseTypes.All,
        PostOpChains = [PostOps.None, Chain("relu"), Chain("leaky0.25+sum0.5"), Chain("add-pc+clip-2to3")],
    };

    /// <summary>Every quantized configuration, with every zero point, scale and post-op.</summary>
    public static CaseSpace EveryQuantizedType => EveryType with { DataTypes = [.. CaseTypes.All.Where(t => t.IsQuantized)] };

    private static PostOps Chain(string text) => PostOps.TryParse(text, out var ops, out var error) ? ops : throw new FormatException(error);

    /// <summary>Only stride 1 on every axis (the cases the rewrite covers exactly).</summary>
    public static CaseSpace StrideOne => new() { MaxStride = 1 };
}
