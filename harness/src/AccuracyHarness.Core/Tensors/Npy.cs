using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Tensors;

/// <summary>
/// NumPy .npy files (format version 1.0, little endian, C order) for f16, f32 and f64, so that
/// users can inspect every tensor with numpy.load.
/// </summary>
public static partial class Npy
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>A tensor in its storage type; numpy has no bf16, so bf16 tensors are written as the f32 values they hold.</summary>
    public static void Write(string path, Tensor tensor) =>
        Write(path, tensor.Shape, tensor.StorageType switch
        {
            DataType.F16 => NpyType.F16,
            DataType.U8 => NpyType.U8,
            DataType.S8 => NpyType.I8,
            DataType.S32 => NpyType.I32,
            _ => NpyType.F32,
        }, i => tensor.Data[i]);

    public static void Write(string path, Dims shape, double[] values) =>
        Write(path, shape, NpyType.F64, i => values[i]);

    public static void Write(string path, Dims shape, NpyType type, Func<int, double> valueAt)
    {
        var count = checked((int)shape.Product());
        var descr = type switch
        {
            NpyType.F16 => "<f2", NpyType.F32 => "<f4", NpyType.U8 => "|u1", NpyType.I8 => "|i1", NpyType.I32 => "<i4", _ => "<f8",
        };
        var shapeText = shape.Count == 1
            ? $"({shape[0]},)"
            : "(" + string.Join(", ", shape.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ")";
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        // Magic, version and the 2-byte length take 10 bytes; the whole header ends with '\n' at a multiple of 64.
        var total = 10 + header.Length + 1;
        header += new string(' ', (64 - (total % 64)) % 64) + "\n";

        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write((byte)1);
        writer.Write((byte)0);
        writer.Write((ushort)header.Length);
        writer.Write(Encoding.ASCII.GetBytes(header));
        for (var i = 0; i < count; i++)
        {
            var v = valueAt(i);
            switch (type)
            {
                case NpyType.F16: writer.Write((Half)v); break;
                case NpyType.F32: writer.Write((float)v); break;
                case NpyType.U8: writer.Write((byte)v); break;
                case NpyType.I8: writer.Write((sbyte)v); break;
                case NpyType.I32: writer.Write((int)v); break;
                default: writer.Write(v); break;
            }
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([<>|=]?)([fi])(\d)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();

    public static NpyArray Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a .npy file (bad magic)");
        var major = bytes[6];
        int headerLength, offset;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
            offset = 10;
        }
        else if (major is 2 or 3)
        {
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
            offset = 12;
        }
        else
        {
            throw new InvalidDataException($"{path}: .npy version {major} is not supported");
        }
        var header = Encoding.ASCII.GetString(bytes, offset, headerLength);
        var descr = DescrPattern().Match(header);
        if (!descr.Success || descr.Groups[1].Value == ">" || descr.Groups[2].Value != "f")
            throw new InvalidDataException($"{path}: only little-endian f2, f4 and f8 arrays are supported (header {header.Trim()})");
        if (OrderPattern().Match(header) is { Success: true } order && order.Groups[1].Value == "True")
            throw new InvalidDataException($"{path}: Fortran-ordered arrays are not supported");
        var shapeMatch = ShapePattern().Match(header);
        if (!shapeMatch.Success)
            throw new InvalidDataException($"{path}: header has no shape");
        var shape = Dims.From(shapeMatch.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
        var type = descr.Groups[3].Value switch
        {
            "2" => NpyType.F16,
            "4" => NpyType.F32,
            "8" => NpyType.F64,
            _ => throw new InvalidDataException($"{path}: element size {descr.Groups[3].Value} is not supported"),
        };
        var size = type switch { NpyType.F16 => 2, NpyType.F32 => 4, _ => 8 };
        var count = checked((int)shape.Product());
        var data = bytes.AsSpan(offset + headerLength);
        if (data.Length < (long)count * size)
            throw new InvalidDataException($"{path}: holds {data.Length / size} elements, shape {shape} needs {count}");
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var slice = data.Slice(i * size, size);
            values[i] = type switch
            {
                NpyType.F16 => (double)BinaryPrimitives.ReadHalfLittleEndian(slice),
                NpyType.F32 => BinaryPrimitives.ReadSingleLittleEndian(slice),
                _ => BinaryPrimitives.ReadDoubleLittleEndian(slice),
            };
        }
        return new NpyArray(shape, type, values);
    }
}
