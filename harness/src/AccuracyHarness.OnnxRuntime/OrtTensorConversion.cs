using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>The harness's tensors to ONNX Runtime's and back: f16 storage goes in and comes out as float16, exactly.</summary>
public static class OrtTensorConversion
{
    public static OrtTensor ToOrt(Tensor tensor) => new(
        [.. tensor.Shape.Select(d => (long)d)],
        tensor.StorageType == DataType.F16 ? tensor.Data.Select(v => (Half)v).ToArray() : tensor.Data);

    public static Tensor FromOrt(OrtTensor tensor)
    {
        var shape = Dims.From(tensor.Shape.Select(d => checked((int)d)));
        return tensor.Elements switch
        {
            Half[] halves => new Tensor(shape, halves.Select(h => (float)h).ToArray(), DataType.F16),
            float[] floats => new Tensor(shape, floats, DataType.F32),
            var other => throw new NotSupportedException($"ONNX Runtime produced {other.GetType().Name}; only float and float16 are read"),
        };
    }

    /// <summary>Runs a session on the harness's tensors and returns the named output as one.</summary>
    public static Tensor Run(this OrtSession session, IReadOnlyList<(string Name, Tensor Value)> feeds, string outputName) =>
        FromOrt(session.Run(feeds.Select(f => (f.Name, ToOrt(f.Value))).ToList(), outputName));
}
