using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// How a real value becomes an integer destination's value (README "Data types (contract)"):
/// <c>dst_q = saturate(round_half_to_even(real / scale) + zero_point)</c>.
/// </summary>
/// <remarks>
/// <see cref="Rounding"/> and <see cref="Wraps"/> depart from the contract only in the fault models of a store
/// (docs/ARCHITECTURE.md section 8): their predictions are stored, and compared, through the same record.
/// </remarks>
public sealed record Requantization(float Scale, int ZeroPoint, DataType Destination)
{
    /// <summary>How real / scale becomes an integer; .NET's ToZero and the other directed modes truncate.</summary>
    public MidpointRounding Rounding { get; init; } = MidpointRounding.ToEven;

    /// <summary>Out-of-range results wrap around modulo 2^bits of the destination instead of saturating.</summary>
    public bool Wraps { get; init; }

    public float Store(double real)
    {
        var integral = Math.Round(real / Scale, Rounding) + ZeroPoint;
        return Wraps ? Wrap(integral) : Tensor.Saturate(integral, Destination);
    }

    /// <summary>
    /// The lowest and highest values a correct evaluation can store when its real value may be off by
    /// <paramref name="error"/>: <see cref="Store"/> is monotonic, so every integer between them is admissible too.
    /// </summary>
    /// <remarks>A wrapping store is monotonic except across the wrap: an interval that crosses it keeps the value itself.</remarks>
    public (float Low, float High) Admissible(double real, double error)
    {
        var (low, high) = (Store(real - error), Store(real + error));
        return low <= high ? (low, high) : (Store(real), Store(real));
    }

    private float Wrap(double integral)
    {
        if (!double.IsFinite(integral)) return Tensor.Saturate(integral, Destination);
        var (min, max) = CaseTypes.IntegerRange(Destination);
        var span = (double)max - min + 1;
        var offset = (integral - min) % span;
        return (float)(min + (offset < 0 ? offset + span : offset));
    }
}
