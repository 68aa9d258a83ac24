using System.Buffers.Binary;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.Onnx.Schema;
using Google.Protobuf;

namespace AccuracyHarness.Onnx;

/// <summary>Converts between ONNX TensorProtos and the harness's logical-order tensors (f32 and f16 only).</summary>
public static class OnnxTensors
{
    public static int ElementType(DataType type) => type switch
    {
        DataType.F32 => (int)TensorProto.Types.DataType.Float,
        DataType.F16 => (int)TensorProto.Types.DataType.Float16,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static DataType FromElementType(int elementType, string what) => elementType switch
    {
        (int)TensorProto.Types.DataType.Float => DataType.F32,
        (int)TensorProto.Types.DataType.Float16 => DataType.F16,
        _ => throw new NotSupportedException(
            $"{what}: ONNX element type {(TensorProto.Types.DataType)elementType} is not supported (float and float16 only)"),
    };

    /// <summary>Writes a tensor as raw little-endian data, the encoding ONNX's own tools use.</summary>
    public static TensorProto ToProto(string name, Tensor tensor)
    {
        var proto = new TensorProto { Name = name, DataType = ElementType(tensor.StorageType) };
        proto.Dims.AddRange(tensor.Shape.Select(d => (long)d));
        var width = tensor.StorageType == DataType.F16 ? 2 : 4;
        var bytes = new byte[tensor.Length * width];
        for (var i = 0; i < tensor.Length; i++)
        {
            if (width == 2)
                BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)tensor.Data[i]);
            else
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), tensor.Data[i]);
        }
        proto.RawData = ByteString.CopyFrom(bytes);
        return proto;
    }

    /// <summary>Reads raw_data, float_data or (for float16) the int32_data bit patterns the format allows.</summary>
    public static Tensor FromProto(TensorProto proto)
    {
        var what = $"tensor '{proto.Name}'";
        if (proto.HasDataLocation && proto.DataLocation == TensorProto.Types.DataLocation.External)
            throw new NotSupportedException($"{what}: external data is not supported");
        var type = FromElementType(proto.DataType, what);
        var shape = Dims.From(proto.Dims.Select(d => checked((int)d)));
        var count = checked((int)shape.Product());
        var data = new float[count];
        if (proto.HasRawData)
        {
            var raw = proto.RawData.Span;
            var width = type == DataType.F16 ? 2 : 4;
            if (raw.Length != count * width)
                throw new InvalidDataException($"{what}: raw_data has {raw.Length} bytes, shape {shape} needs {count * width}");
            for (var i = 0; i < count; i++)
            {
                data[i] = type == DataType.F16
                    ? (float)BinaryPrimitives.ReadHalfLittleEndian(raw[(i * 2)..])
                    : BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
            }
        }
        else if (type == DataType.F32)
        {
            Expect(what, proto.FloatData.Count, count, "float_data");
            proto.FloatData.CopyTo(data, 0);
        }
        else
        {
            Expect(what, proto.Int32Data.Count, count, "int32_data");
            for (var i = 0; i < count; i++) data[i] = (float)BitConverter.UInt16BitsToHalf((ushort)proto.Int32Data[i]);
        }
        return new Tensor(shape, data, type);
    }

    public static Tensor Read(string path) => FromProto(TensorProto.Parser.ParseFrom(File.ReadAllBytes(path)));

    private static void Expect(string what, int got, int expected, string field)
    {
        if (got != expected)
            throw new InvalidDataException($"{what}: {field} has {got} values, the shape needs {expected}");
    }
}
