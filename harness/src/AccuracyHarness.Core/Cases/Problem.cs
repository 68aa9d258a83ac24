namespace AccuracyHarness.Core.Cases;

/// <summary>
/// A validated case with its geometry resolved per docs/ARCHITECTURE.md section 3: the output spatial shape
/// and the effective begin/end pads that every backend uses. Effective pads may be negative
/// when output_shape asks for more than the natural size (the ONNX formula; ONNX Runtime clamps).
/// </summary>
public sealed record Problem
{
    /// <summary>No tensor may hold more elements than this (2^28: 2 GiB as doubles).</summary>
    public const long MaxElements = 1L << 28;

    private Problem(DeconvCase c, Dims output, Dims padsBegin, Dims padsEnd)
    {
        Case = c;
        Output = output;
        PadsBegin = padsBegin;
        PadsEnd = padsEnd;
    }

    public DeconvCase Case { get; }

    /// <summary>Output spatial shape.</summary>
    public Dims Output { get; }

    public Dims PadsBegin { get; }

    public Dims PadsEnd { get; }

    public int Rank => Case.Rank;

    public int Cg => Case.InChannels / Case.Groups;

    public int Mg => Case.OutChannels / Case.Groups;

    /// <summary>Logical input shape N, C, spatial.</summary>
    public Dims InputShape => Dims.From(new[] { Case.Batch, Case.InChannels }.Concat(Case.Input));

    /// <summary>Weights in ONNX order: C, M/G, kernel.</summary>
    public Dims WeightShape => Dims.From(new[] { Case.InChannels, Mg }.Concat(Case.Kernel));

    public Dims BiasShape => new(Case.OutChannels);

    /// <summary>Logical output shape N, M, spatial.</summary>
    public Dims OutputShape => Dims.From(new[] { Case.Batch, Case.OutChannels }.Concat(Output));

    /// <summary>The size an axis has before pads are taken off: s*(in-1) + op + (k-1)*d + 1.</summary>
    public static long NaturalSize(int input, int kernel, int stride, int dilation, int outputPadding) =>
        ((long)stride * (input - 1)) + outputPadding + ((long)(kernel - 1) * dilation) + 1;

    internal static Problem Resolve(DeconvCase c)
    {
        Validate(c);
        var rank = c.Rank;
        var pb = new int[rank];
        var pe = new int[rank];
        var output = new int[rank];
        for (var a = 0; a < rank; a++)
        {
            var natural = NaturalSize(c.Input[a], c.Kernel[a], c.Strides[a], c.Dilations[a], c.OutputPadding[a]);
            long total;
            if (c.OutputShape is { } os)
            {
                total = natural - os[a];
                var half = FloorDiv(total, 2);
                (pb[a], pe[a]) = c.AutoPad == AutoPad.SameUpper
                    ? ((int)half, (int)(total - half))
                    : ((int)(total - half), (int)half);
            }
            else if (c.AutoPad is AutoPad.SameUpper or AutoPad.SameLower)
            {
                total = Math.Max(0, natural - ((long)c.Input[a] * c.Strides[a]));
                var half = total / 2;
                (pb[a], pe[a]) = c.AutoPad == AutoPad.SameUpper
                    ? ((int)half, (int)(total - half))
                    : ((int)(total - half), (int)half);
            }
            else if (c.AutoPad == AutoPad.Valid)
            {
                (pb[a], pe[a]) = (0, 0);
            }
            else
            {
                (pb[a], pe[a]) = (c.PadsBegin[a], c.PadsEnd[a]);
            }

            var size = natural - pb[a] - pe[a];
            if (size < 1)
            {
                throw new InvalidCaseException(
                    $"output[{a}]", size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"the output size s*(in-1)+op+(k-1)*d+1-pb-pe = {natural}-{pb[a]}-{pe[a]} must be >= 1");
            }
            if (size > MaxElements)
            {
                throw new InvalidCaseException($"output[{a}]", size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"must be <= {MaxElements}");
            }
            output[a] = (int)size;
        }

        var problem = new Problem(c, new Dims(output), new Dims(pb), new Dims(pe));
        CheckElements("input", problem.InputShape);
        CheckElements("weights", problem.WeightShape);
        CheckElements("output", problem.OutputShape);
        return problem;
    }

    private static long FloorDiv(long a, long b) => (long)Math.Floor((double)a / b);

    private static void CheckElements(string tensor, Dims shape)
    {
        var count = shape.Aggregate(1.0, (p, v) => p * v);
        if (count > MaxElements)
        {
            throw new InvalidCaseException(tensor, shape.ToString(),
                $"{count:0} elements would not fit in memory (limit {MaxElements} elements per tensor)");
        }
    }

    private static void Validate(DeconvCase c)
    {
        var rank = c.Rank;
        if (rank is < 1 or > 3)
            throw new InvalidCaseException("input", c.Input.ToString(), "spatial rank must be 1, 2 or 3");
        Positive("batch", c.Batch);
        Positive("in_channels", c.InChannels);
        Positive("out_channels", c.OutChannels);
        Positive("group", c.Groups);
        if (c.InChannels % c.Groups != 0)
            throw new InvalidCaseException("in_channels", Str(c.InChannels), $"must be divisible by group={c.Groups}");
        if (c.OutChannels % c.Groups != 0)
            throw new InvalidCaseException("out_channels", Str(c.OutChannels), $"must be divisible by group={c.Groups}");

        PerAxis("input", c.Input, rank, 1);
        PerAxis("kernel_shape", c.Kernel, rank, 1);
        PerAxis("strides", c.Strides, rank, 1);
        PerAxis("dilations", c.Dilations, rank, 1);
        PerAxis("pads_begin", c.PadsBegin, rank, 0);
        PerAxis("pads_end", c.PadsEnd, rank, 0);
        PerAxis("output_padding", c.OutputPadding, rank, 0);
        for (var a = 0; a < rank; a++)
        {
            var limit = Math.Max(c.Strides[a], c.Dilations[a]);
            if (c.OutputPadding[a] >= limit)
            {
                throw new InvalidCaseException(
                    $"output_padding[{a}]", Str(c.OutputPadding[a]),
                    $"must be < max(stride, dilation) = {limit}");
            }
        }

        if (c.AutoPad != AutoPad.NotSet && c.HasExplicitPads)
        {
            throw new InvalidCaseException(
                "pads", $"{c.PadsBegin}/{c.PadsEnd}",
                $"pads cannot be given together with auto_pad={Names.Of(c.AutoPad)}");
        }
        if (c.OutputShape is { } os)
        {
            PerAxis("output_shape", os, rank, 1);
            if (c.HasExplicitPads)
                throw new InvalidCaseException("pads", $"{c.PadsBegin}/{c.PadsEnd}",
                    "pads cannot be given together with output_shape (they would be ignored)");
        }
        ValidateQuantization(c);
    }

    /// <summary>Zero points and per-channel scales belong to integer types, within the range of the type they shift.</summary>
    private static void ValidateQuantization(DeconvCase c)
    {
        var t = c.Types;
        if (!t.IsQuantized)
        {
            if (!c.SourceZeroPoint.IsNone)
                throw new InvalidCaseException("zps", c.SourceZeroPoint.ToString(), $"needs an integer source (u8 or s8), not {t.Name}");
            if (c.PerChannelWeightScales)
                throw new InvalidCaseException("sw", "pc", $"weight scales need integer weights (s8), not {t.Name}");
        }
        if (!c.SourceZeroPoint.PerChannel && c.SourceZeroPoint.Common != 0)
            InRange("zps", c.SourceZeroPoint.Common, t.Source);
        if (c.DestinationZeroPoint != 0)
        {
            if (!t.IntegerDestination)
                throw new InvalidCaseException("zpd", Str(c.DestinationZeroPoint), $"needs an integer destination (u8, s8, s32), not {t.Name}");
            InRange("zpd", c.DestinationZeroPoint, t.Destination);
        }
    }

    private static void InRange(string field, int value, DataType type)
    {
        var (lo, hi) = CaseTypes.IntegerRange(type);
        if (value < lo || value > hi)
            throw new InvalidCaseException(field, Str(value), $"must be within {Names.Of(type)}'s range [{lo}, {hi}]");
    }

    private static void Positive(string field, int value)
    {
        if (value < 1) throw new InvalidCaseException(field, Str(value), "must be >= 1");
        if (value > MaxElements) throw new InvalidCaseException(field, Str(value), $"must be <= {MaxElements}");
    }

    private static void PerAxis(string field, Dims values, int rank, int min)
    {
        if (values.Count != rank)
            throw new InvalidCaseException(field, values.ToString(), $"must have {rank} value(s), one per spatial axis");
        for (var a = 0; a < rank; a++)
        {
            if (values[a] < min)
                throw new InvalidCaseException($"{field}[{a}]", Str(values[a]), $"must be >= {min}");
            if (values[a] > MaxElements)
                throw new InvalidCaseException($"{field}[{a}]", Str(values[a]), $"must be <= {MaxElements}");
        }
    }

    private static string Str(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
