using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>
/// The harness's tensors to ONNX Runtime's and back, exactly: f16 storage as float16, the integers of a quantized case
/// as uint8 or int8.
/// </summary>
public static class OrtTensorConversion
{
    public static OrtTensor ToOrt(Tensor tensor) => new(
        [.. tensor.Shape.Select(d => (long)d)],
        tensor.StorageType switch
        {
            DataType.F16 => tensor.Data.Select(v => (Half)v).ToArray(),
            DataType.U8 => tensor.Data.Select(v => checked((byte)v)).ToArray(),
            DataType.S8 => tensor.Data.Select(v => checked((sbyte)v)).ToArray(),
            _ => tensor.Data,
        });

    public static Tensor FromOrt(OrtTensor tensor)
    {
        var shape = Dims.From(tensor.Shape.Select(d => checked((int)d)));
        return tensor.Elements switch
        {
            Half[] halves => new Tensor(shape, halves.Select(h => (float)h).ToArray(), DataType.F16),
            float[] floats => new Tensor(shape, floats, DataType.F32),
            // The runtime's type test takes an sbyte[] for a byte[] and back: the exact type tells them apart.
            sbyte[] signed when tensor.Elements.GetType() == typeof(sbyte[]) =>
                new Tensor(shape, signed.Select(v => (float)v).ToArray(), DataType.S8),
            byte[] unsigned => new Tensor(shape, unsigned.Select(v => (float)v).ToArray(), DataType.U8),
            var other => throw new NotSupportedException(
                $"ONNX Runtime produced {other.GetType().Name}; only float, float16, uint8 and int8 are read"),
        };
    }

    /// <summary>Runs a session on the harness's tensors and returns the named output as one.</summary>
    public static Tensor Run(this OrtSession session, IReadOnlyList<(string Name, Tensor Value)> feeds, string outputName) =>
        FromOrt(session.Run(feeds.Select(f => (f.Name, ToOrt(f.Value))).ToList(), outputName));
}
