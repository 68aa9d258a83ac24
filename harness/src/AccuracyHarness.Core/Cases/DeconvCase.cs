using System.Runtime.CompilerServices;

namespace AccuracyHarness.Core.Cases;

/// <summary>
/// One deconvolution problem as a user states it (ONNX ConvTranspose attributes plus the harness's
/// choices of data type, layout and fill). Spatial lists have one entry per spatial axis.
/// Pads all zero mean "not given", so that auto_pad and output_shape can be combined with them.
/// </summary>
public sealed record DeconvCase
{
    public required int Batch { get; init; }
    public required int InChannels { get; init; }
    public required int OutChannels { get; init; }
    public required int Groups { get; init; }
    public required Dims Input { get; init; }
    public required Dims Kernel { get; init; }
    public required Dims Strides { get; init; }
    public required Dims Dilations { get; init; }
    public required Dims PadsBegin { get; init; }
    public required Dims PadsEnd { get; init; }
    public required Dims OutputPadding { get; init; }
    public required AutoPad AutoPad { get; init; }

    /// <summary>Spatial output shape (the ONNX output_shape attribute), or null when not given.</summary>
    public required Dims? OutputShape { get; init; }
    public required bool HasBias { get; init; }

    /// <summary>The data types of source, weights and destination (README "Data types (contract)").</summary>
    public required CaseTypes Types { get; init; }

    /// <summary>The source zero point of a quantized case (none for float cases).</summary>
    public ZeroPoint SourceZeroPoint { get; init; } = ZeroPoint.None;

    /// <summary>The zero point added to an integer destination after rounding.</summary>
    public int DestinationZeroPoint { get; init; }

    /// <summary>Weight scales per output channel (<c>sw-pc</c>) instead of one for the tensor.</summary>
    public bool PerChannelWeightScales { get; init; }

    /// <summary>Fused post-ops, applied in order after the bias.</summary>
    public PostOps PostOps { get; init; } = PostOps.None;
    public required LayoutFamily Layout { get; init; }
    public required ulong Seed { get; init; }
    public required FillMode Fill { get; init; }

    public int Rank => Input.Count;

    /// <summary>
    /// A plain f32 or f16 case: no integer or bf16 storage, no post-ops. What the float-only paths of backends and
    /// fault models run; the storage type, or null when the case is anything else.
    /// </summary>
    public DataType? PlainFloat =>
        Types.Single is DataType.F32 or DataType.F16 && PostOps.IsNone ? Types.Single : null;

    public bool HasExplicitPads => PadsBegin.Any(p => p != 0) || PadsEnd.Any(p => p != 0);

    /// <summary>Builds a case with ONNX defaults for every attribute left out (stride 1, dilation 1, no pads).</summary>
    public static DeconvCase Create(
        int inChannels, int outChannels, Dims input, Dims kernel,
        int batch = 1, int groups = 1,
        Dims? strides = null, Dims? dilations = null, Dims? padsBegin = null, Dims? padsEnd = null,
        Dims? outputPadding = null, AutoPad autoPad = AutoPad.NotSet, Dims? outputShape = null,
        bool hasBias = false, CaseTypes? types = null, LayoutFamily layout = LayoutFamily.Nchw,
        ulong seed = 1, FillMode fill = FillMode.Random)
    {
        var rank = input.Count;
        return new DeconvCase
        {
            Batch = batch,
            InChannels = inChannels,
            OutChannels = outChannels,
            Groups = groups,
            Input = input,
            Kernel = kernel,
            Strides = strides ?? Dims.Fill(rank, 1),
            Dilations = dilations ?? Dims.Fill(rank, 1),
            PadsBegin = padsBegin ?? Dims.Fill(rank, 0),
            PadsEnd = padsEnd ?? Dims.Fill(rank, 0),
            OutputPadding = outputPadding ?? Dims.Fill(rank, 0),
            AutoPad = autoPad,
            OutputShape = outputShape,
            HasBias = hasBias,
            Types = types ?? CaseTypes.F32,
            Layout = layout,
            Seed = seed,
            Fill = fill,
        };
    }

    /// <summary>
    /// The case with other data types, without the zero points and scales those types do not take (a run that
    /// crosses its suites with <c>--dtype</c> turns a quantized case into a float one this way).
    /// </summary>
    public DeconvCase WithTypes(CaseTypes types) => this with
    {
        Types = types,
        SourceZeroPoint = types.IsQuantized ? SourceZeroPoint : ZeroPoint.None,
        PerChannelWeightScales = types.IsQuantized && PerChannelWeightScales,
        DestinationZeroPoint = types.IntegerDestination ? DestinationZeroPoint : 0,
    };

    /// <summary>The canonical one-line id; <see cref="CaseId.Parse"/> reads it back to an equal case.</summary>
    /// <remarks>
    /// Every result, report row and key names its case, so the id is formatted once per instance.
    /// The cache is keyed by reference, not kept in a field, because a record's `with` copies
    /// fields and would carry a stale id into the changed copy.
    /// </remarks>
    public string Id => Ids.GetValue(this, CaseId.Format);

    private static readonly ConditionalWeakTable<DeconvCase, string> Ids = new();

    public override string ToString() => Id;

    /// <summary>Validates the case and works out its output shape and effective pads.</summary>
    public Problem Resolve() => Problem.Resolve(this);
}
