namespace AccuracyHarness.Core.Diagnosis.Search;

/// <summary>
/// The names the search gives what it finds (docs/ARCHITECTURE.md section 8, "Search"): families of index mappings and
/// the term decomposition, next to <see cref="FaultCatalogue"/>'s models, which are tried first.
/// </summary>
public static class SearchModels
{
    public const string WeightsAxisOrder = "weights-axis-order";
    public const string WeightsGroupStride = "weights-group-stride";
    public const string InputAddressing = "input-addressing";
    public const string PadOffset = "pad-offset";
    public const string OutputChannelsPermuted = "output-channels-permuted";
    public const string BatchPermuted = "batch-permuted";
    public const string Terms = "terms";

    public static IReadOnlyList<string> All { get; } =
        [WeightsAxisOrder, WeightsGroupStride, InputAddressing, PadOffset, OutputChannelsPermuted, BatchPermuted, Terms];
}
