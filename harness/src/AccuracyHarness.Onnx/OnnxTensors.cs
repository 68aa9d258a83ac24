using System.Buffers.Binary;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.Onnx.Schema;
using Google.Protobuf;

namespace AccuracyHarness.Onnx;

/// <summary>
/// Converts between ONNX TensorProtos and the harness's logical-order tensors: f32, f16 and bf16, and the u8/s8
/// tensors of a quantized case (integers held as the floats they equal).
/// </summary>
public static class OnnxTensors
{
    private static readonly (DataType Type, TensorProto.Types.DataType Onnx)[] Types =
    [
        (DataType.F32, TensorProto.Types.DataType.Float),
        (DataType.F16, TensorProto.Types.DataType.Float16),
        (DataType.BF16, TensorProto.Types.DataType.Bfloat16),
        (DataType.U8, TensorProto.Types.DataType.Uint8),
        (DataType.S8, TensorProto.Types.DataType.Int8),
    ];

    public static int ElementType(DataType type)
    {
        foreach (var (t, onnx) in Types)
        {
            if (t == type) return (int)onnx;
        }
        throw new ArgumentOutOfRangeException(nameof(type), type, "no ONNX element type is written for it");
    }

    public static DataType FromElementType(int elementType, string what)
    {
        foreach (var (t, onnx) in Types)
        {
            if ((int)onnx == elementType) return t;
        }
        throw new NotSupportedException($"{what}: ONNX element type {(TensorProto.Types.DataType)elementType} is not supported "
            + "(float, float16, bfloat16, uint8 and int8 only)");
    }

    /// <summary>Writes a tensor as raw little-endian data, the encoding ONNX's own tools use.</summary>
    public static TensorProto ToProto(string name, Tensor tensor) =>
        ToProto(name, tensor.StorageType, tensor.Data, [.. tensor.Shape.Select(d => (long)d)]);

    /// <summary>Values of one type with the given dims (none for a scalar), as raw little-endian data.</summary>
    public static TensorProto ToProto(string name, DataType type, IReadOnlyList<float> values, params long[] dims)
    {
        var proto = new TensorProto { Name = name, DataType = ElementType(type) };
        proto.Dims.AddRange(dims);
        var width = Width(type);
        var bytes = new byte[values.Count * width];
        for (var i = 0; i < values.Count; i++)
        {
            var at = bytes.AsSpan(i * width);
            var v = values[i];
            switch (type)
            {
                case DataType.F32:
                    BinaryPrimitives.WriteSingleLittleEndian(at, v);
                    break;
                case DataType.F16:
                    BinaryPrimitives.WriteHalfLittleEndian(at, (Half)v);
                    break;
                case DataType.BF16:
                    // The value is a bf16 already (the fill rounds it): its upper 16 bits are the bf16 exactly.
                    BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(BitConverter.SingleToUInt32Bits(v) >> 16));
                    break;
                case DataType.U8:
                    at[0] = checked((byte)v);
                    break;
                default:
                    at[0] = unchecked((byte)checked((sbyte)v));
                    break;
            }
        }
        proto.RawData = ByteString.CopyFrom(bytes);
        return proto;
    }

    /// <summary>Reads raw_data, float_data or the int32_data (float16, bfloat16 bit patterns; integers) the format allows.</summary>
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
            var width = Width(type);
            if (raw.Length != count * width)
                throw new InvalidDataException($"{what}: raw_data has {raw.Length} bytes, shape {shape} needs {count * width}");
            for (var i = 0; i < count; i++)
            {
                var at = raw[(i * width)..];
                data[i] = type switch
                {
                    DataType.F32 => BinaryPrimitives.ReadSingleLittleEndian(at),
                    DataType.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(at),
                    DataType.BF16 => BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(at) << 16),
                    DataType.U8 => at[0],
                    _ => (sbyte)at[0],
                };
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
            for (var i = 0; i < count; i++)
            {
                var bits = proto.Int32Data[i];
                data[i] = type switch
                {
                    DataType.F16 => (float)BitConverter.UInt16BitsToHalf((ushort)bits),
                    DataType.BF16 => BitConverter.UInt32BitsToSingle((uint)(ushort)bits << 16),
                    _ => bits,
                };
            }
        }
        return new Tensor(shape, data, type);
    }

    public static Tensor Read(string path) => FromProto(TensorProto.Parser.ParseFrom(File.ReadAllBytes(path)));

    private static int Width(DataType type) => type switch
    {
        DataType.F32 => 4,
        DataType.F16 or DataType.BF16 => 2,
        _ => 1,
    };

    private static void Expect(string what, int got, int expected, string field)
    {
        if (got != expected)
            throw new InvalidDataException($"{what}: {field} has {got} values, the shape needs {expected}");
    }
}
