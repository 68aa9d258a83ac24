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
    public required DataType DataType { get; init; }
    public required LayoutFamily Layout { get; init; }
    public required ulong Seed { get; init; }
    public required FillMode Fill { get; init; }

    public int Rank => Input.Count;

    public bool HasExplicitPads => PadsBegin.Any(p => p != 0) || PadsEnd.Any(p => p != 0);

    /// <summary>Builds a case with ONNX defaults for every attribute left out (stride 1, dilation 1, no pads).</summary>
    public static DeconvCase Create(
        int inChannels, int outChannels, Dims input, Dims kernel,
        int batch = 1, int groups = 1,
        Dims? strides = null, Dims? dilations = null, Dims? padsBegin = null, Dims? padsEnd = null,
        Dims? outputPadding = null, AutoPad autoPad = AutoPad.NotSet, Dims? outputShape = null,
        bool hasBias = false, DataType dataType = DataType.F32, LayoutFamily layout = LayoutFamily.Nchw,
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
            DataType = dataType,
            Layout = layout,
            Seed = seed,
            Fill = fill,
        };
    }

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
