using AccuracyHarness.Core.Diagnosis.Faults;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// The catalogue of fault models (docs/ARCHITECTURE.md section 8), keyed by name. Each is one type
/// under <c>Diagnosis/Faults</c>: the reference run on transformed weights, inputs or geometry, so it
/// shares the reference's clarity. <see cref="All"/> is also the order of trial: the first model that
/// explains an output names the fault, so simpler explanations come first.
/// </summary>
public static class FaultCatalogue
{
    public const string WeightsNotFlipped = "weights-not-flipped";
    public const string WeightsFlippedOneAxis = "weights-flipped-one-axis";
    public const string ChannelsNotSwapped = "channels-not-swapped";
    public const string NotFlippedNotSwapped = "not-flipped-not-swapped";
    public const string DilationDropped = "dilation-dropped";
    public const string StridePhaseFloored = "stride-phase-floored";
    public const string LowerCheckMissing = "lower-check-missing";
    public const string UpperCheckMissing = "upper-check-missing";
    public const string UpperLimitOffByOne = "upper-limit-off-by-one";
    public const string PadsSwapped = "pads-swapped";
    public const string OutputPaddingAtBegin = "output-padding-at-begin";
    public const string PadBeginOffByOne = "pad-begin-off-by-one";
    public const string DilationOnInput = "dilation-on-input";
    public const string OutputPaddingDropped = "output-padding-dropped";
    public const string GroupOffsetWrong = "group-offset-wrong";
    public const string GroupOffsetMissing = "group-offset-missing";
    public const string BiasMissing = "bias-missing";
    public const string BiasDoubled = "bias-doubled";
    public const string LayoutMisread = "layout-misread";
    public const string HalfAccumulation = "half-accumulation";

    // Faults of quantized and bf16 arithmetic.
    public const string ZeroPointIgnored = "zero-point-ignored";
    public const string ZeroPointTwice = "zero-point-twice";
    public const string ZeroPointChannelZero = "zero-point-channel-zero";
    public const string PaddingNotZeroPoint = "padding-not-zero-point";
    public const string WeightScalesPerTensor = "weight-scales-per-tensor";
    public const string BiasScaled = "bias-scaled";
    public const string RoundingHalfAway = "rounding-half-away";
    public const string RoundingTowardZero = "rounding-toward-zero";
    public const string WrapAround = "wrap-around";
    public const string PostOpClamp = "post-op-clamp";
    public const string DestinationZeroPointDropped = "dst-zero-point-dropped";
    public const string BF16Truncation = "bf16-truncation";
    public const string BF16Accumulation = "bf16-accumulation";

    public static IReadOnlyList<FaultModel> All { get; } =
    [
        new WeightsNotFlippedFault(),
        new WeightsFlippedOneAxisFault(),
        new ChannelsNotSwappedFault(),
        new NotFlippedNotSwappedFault(),
        new DilationDroppedFault(),
        new StridePhaseFlooredFault(),
        new LowerCheckMissingFault(),
        new UpperCheckMissingFault(),
        new UpperLimitOffByOneFault(),
        new PadsSwappedFault(),
        new OutputPaddingAtBeginFault(),
        new PadBeginOffByOneFault(),
        new DilationOnInputFault(),
        new OutputPaddingDroppedFault(),
        new GroupOffsetWrongFault(),
        new GroupOffsetMissingFault(),
        new BiasMissingFault(),
        new BiasDoubledFault(),
        new BiasScaledFault(),
        new ZeroPointIgnoredFault(),
        new ZeroPointTwiceFault(),
        new ZeroPointChannelZeroFault(),
        new PaddingNotZeroPointFault(),
        new WeightScalesPerTensorFault(),
        new DestinationZeroPointDroppedFault(),
        new RoundingTowardZeroFault(),
        new RoundingHalfAwayFault(),
        new WrapAroundFault(),
        new PostOpClampFault(),
        new LayoutMisreadFault(),
        // An exact prediction before those known up to a slack, which would cover it; on bf16 cases a bf16
        // accumulator (the likelier fault of a bf16 kernel) before an f16 one, whose output it also covers.
        new BF16TruncationFault(),
        new BF16AccumulationFault(),
        new HalfAccumulationFault(),
    ];

    private static readonly Dictionary<string, FaultModel> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static FaultModel Get(string name) =>
        ByName.TryGetValue(name, out var model)
            ? model
            : throw new KeyNotFoundException($"unknown fault model '{name}' (known: {string.Join(", ", All.Select(m => m.Name))})");
}
