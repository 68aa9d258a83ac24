using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Tensors;

/// <summary>
/// A dense tensor in logical (row-major, N C spatial...) order. Values of f16 tensors are held
/// as the f32 numbers they represent exactly; <see cref="StorageType"/> records the type they
/// are stored as on a device or on disk.
/// </summary>
public sealed class Tensor
{
    public Tensor(Dims shape, float[] data, DataType storageType)
    {
        if (data.LongLength != shape.Product())
            throw new ArgumentException($"tensor data has {data.LongLength} elements, shape {shape} needs {shape.Product()}", nameof(data));
        Shape = shape;
        Data = data;
        StorageType = storageType;
    }

    public Dims Shape { get; }

    /// <summary>Values in logical order. Shared, not copied: treat as read-only once built.</summary>
    public float[] Data { get; }

    public DataType StorageType { get; }

    public int Length => Data.Length;

    /// <summary>Row-major strides of the shape.</summary>
    public static long[] Strides(Dims shape)
    {
        var strides = new long[shape.Count];
        long s = 1;
        for (var i = shape.Count - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /// <summary>The coordinates of a flat logical index.</summary>
    public static int[] Coordinates(Dims shape, long flat)
    {
        var coords = new int[shape.Count];
        for (var i = shape.Count - 1; i >= 0; i--)
        {
            coords[i] = (int)(flat % shape[i]);
            flat /= shape[i];
        }
        return coords;
    }

    /// <summary>
    /// Rounds a value to what the storage type can hold, once, to nearest with ties to even (no detour through f32
    /// for f16 and bf16, which could round twice); integer types also saturate to their range.
    /// </summary>
    public static float Round(double value, DataType type) => type switch
    {
        DataType.F32 => (float)value,
        DataType.F16 => (float)(Half)value,
        DataType.BF16 => RoundToBFloat16(value),
        _ => Saturate(Math.Round(value, MidpointRounding.ToEven), type),
    };

    /// <summary>Clamps an integral value to an integer type's range (NaN to 0, as a float-to-int conversion with saturation does).</summary>
    public static float Saturate(double integral, DataType type)
    {
        var (min, max) = CaseTypes.IntegerRange(type);
        return double.IsNaN(integral) ? 0 : (float)Math.Clamp(integral, min, max);
    }

    /// <summary>bf16 has f32's exponent range and an 8-bit significand.</summary>
    private static float RoundToBFloat16(double value)
    {
        if (!double.IsFinite(value) || value == 0) return (float)value;
        var exponent = Math.Max(Math.ILogB(value), -126);
        var spacing = Math.ScaleB(1.0, exponent - 7);
        var rounded = Math.Round(value / spacing, MidpointRounding.ToEven) * spacing;
        return Math.Abs(rounded) >= Math.ScaleB(1.0, 128) ? (rounded > 0 ? float.PositiveInfinity : float.NegativeInfinity) : (float)rounded;
    }
}
