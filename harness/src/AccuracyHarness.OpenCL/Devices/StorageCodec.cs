using System.Buffers.Binary;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OpenCL.Devices;

/// <summary>
/// Tensor values (floats on the host, integers held as the floats they equal) in a device buffer's storage type:
/// f32, f16 and bf16 bits (ushort), u8, s8 and s32. NaN is the harness's poison for an element no kernel wrote; the
/// integer types have none, so their poison is the byte 0xA5 repeated (165, -91, -1515870811), a value a correct
/// result seldom takes.
/// </summary>
internal static class StorageCodec
{
    private const byte IntegerPoison = 0xA5;

    public static int Bytes(DataType type) => type switch
    {
        DataType.F32 or DataType.S32 => 4,
        DataType.F16 or DataType.BF16 => 2,
        DataType.U8 or DataType.S8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Writes each value's storage bits (f16 and bf16 rounded to nearest even) into <paramref name="bytes"/>.</summary>
    public static void Encode(ReadOnlySpan<float> values, DataType type, Span<byte> bytes)
    {
        var size = Bytes(type);
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var at = bytes.Slice(i * size, size);
            if (float.IsNaN(v) && CaseTypes.IsInteger(type))
            {
                at.Fill(IntegerPoison);
                continue;
            }
            switch (type)
            {
                case DataType.F32: BinaryPrimitives.WriteSingleLittleEndian(at, v); break;
                case DataType.F16: BinaryPrimitives.WriteUInt16LittleEndian(at, BitConverter.HalfToUInt16Bits((Half)v)); break;
                case DataType.BF16: BinaryPrimitives.WriteUInt16LittleEndian(at, ToBFloat16(v)); break;
                case DataType.U8: at[0] = (byte)(int)v; break;
                case DataType.S8: at[0] = (byte)(sbyte)(int)v; break;
                case DataType.S32: BinaryPrimitives.WriteInt32LittleEndian(at, (int)v); break;
            }
        }
    }

    /// <summary>Reads storage bits back into the floats they equal.</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, DataType type, Span<float> values)
    {
        var size = Bytes(type);
        for (var i = 0; i < values.Length; i++)
        {
            var at = bytes.Slice(i * size, size);
            values[i] = type switch
            {
                DataType.F32 => BinaryPrimitives.ReadSingleLittleEndian(at),
                DataType.F16 => (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(at)),
                DataType.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(at) << 16),
                DataType.U8 => at[0],
                DataType.S8 => (sbyte)at[0],
                DataType.S32 => BinaryPrimitives.ReadInt32LittleEndian(at),
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
            };
        }
    }

    /// <summary>Round to nearest even on the upper 16 bits of an f32; NaN stays a quiet NaN.</summary>
    private static ushort ToBFloat16(float v)
    {
        if (float.IsNaN(v)) return 0x7FC0;
        var u = BitConverter.SingleToUInt32Bits(v);
        return (ushort)((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);
    }
}
