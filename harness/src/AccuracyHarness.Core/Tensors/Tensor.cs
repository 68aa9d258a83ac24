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

    /// <summary>Rounds a value to what the storage type can hold, once (round to nearest even; no detour through f32 for f16).</summary>
    public static float Round(double value, DataType type) =>
        type == DataType.F16 ? (float)(Half)value : (float)value;
}
