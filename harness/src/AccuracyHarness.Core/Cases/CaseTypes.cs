namespace AccuracyHarness.Core.Cases;

/// <summary>
/// The data types of a case's source, weights and destination (README "Data types (contract)"): a float type
/// for all three (<c>f32</c>, <c>f16</c>, <c>bf16</c>) or one of the triples benchdnn's configurations name
/// (<c>u8s8u8</c> ... <c>bf16bf16f32</c>). Bias, scales and post-op operands are f32 in every configuration.
/// </summary>
public readonly record struct CaseTypes(DataType Source, DataType Weights, DataType Destination)
{
    public static readonly CaseTypes F32 = Uniform(DataType.F32);
    public static readonly CaseTypes F16 = Uniform(DataType.F16);
    public static readonly CaseTypes BF16 = Uniform(DataType.BF16);

    /// <summary>Every configuration a case may have, in the order help texts list them.</summary>
    public static IReadOnlyList<CaseTypes> All { get; } =
    [
        F32, F16, BF16,
        new(DataType.U8, DataType.S8, DataType.U8), new(DataType.U8, DataType.S8, DataType.S8),
        new(DataType.U8, DataType.S8, DataType.S32), new(DataType.U8, DataType.S8, DataType.F32),
        new(DataType.S8, DataType.S8, DataType.U8), new(DataType.S8, DataType.S8, DataType.S8),
        new(DataType.S8, DataType.S8, DataType.S32), new(DataType.S8, DataType.S8, DataType.F32),
        new(DataType.BF16, DataType.BF16, DataType.F32),
    ];

    public static string Choices { get; } = string.Join(", ", All.Select(t => t.Name));

    /// <summary>Integer source and weights: the sum is exact in integers and scales and zero points apply.</summary>
    public bool IsQuantized => Source is DataType.U8 or DataType.S8;

    /// <summary>The one storage type of a case whose three tensors share it (f32, f16, bf16; s8s8s8 too).</summary>
    public DataType? Single => Source == Weights && Weights == Destination ? Source : null;

    /// <summary>The destination holds integers (u8, s8, s32): the result is requantized.</summary>
    public bool IntegerDestination => IsInteger(Destination);

    /// <summary>The id and report name: the float type for uniform cases, the three names joined otherwise.</summary>
    public string Name => Single is { } single && !IsInteger(single)
        ? Names.Of(single)
        : Names.Of(Source) + Names.Of(Weights) + Names.Of(Destination);

    public override string ToString() => Name;

    public static bool IsInteger(DataType t) => t is DataType.U8 or DataType.S8 or DataType.S32;

    /// <summary>The values an integer type holds.</summary>
    public static (long Min, long Max) IntegerRange(DataType type) => type switch
    {
        DataType.U8 => (0, 255),
        DataType.S8 => (-128, 127),
        DataType.S32 => (int.MinValue, int.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an integer type"),
    };

    /// <summary>Reads an id's or grid's spelling: a configuration's name, or a float type's other names (fp32, half...).</summary>
    public static bool TryParse(string text, out CaseTypes types)
    {
        var lower = text.ToLowerInvariant();
        foreach (var t in All)
        {
            if (t.Name == lower)
            {
                types = t;
                return true;
            }
        }
        if (Names.TryParseDataType(lower, out var single) && !IsInteger(single))
        {
            types = Uniform(single);
            return true;
        }
        types = default;
        return false;
    }

    /// <summary>The configuration whose three tensors are of one type.</summary>
    public static CaseTypes Uniform(DataType t) => new(t, t, t);
}
