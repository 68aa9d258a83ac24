using System.Runtime.InteropServices;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// One case's work on oneDNN: its stream, memories, attributes and primitives (released at the end). Each tensor is
/// stored in its own type and computed in the type the primitive is described with (<see cref="Compute"/>): when the
/// two differ (f16 run in f32), oneDNN reorders convert between them. Float outputs are filled with NaN first, so an
/// element no primitive writes cannot pass; integer outputs (which have no NaN) with <see cref="IntegerPoison"/>.
/// </summary>
internal sealed class OneDnnRun : IDisposable
{
    /// <summary>The byte integer outputs start as (91, or 0x5B5B5B5B in s32): an unwritten element shows unless the result is that.</summary>
    private const byte IntegerPoison = 0x5B;

    private readonly DnnlEngineHandle _engine;
    private readonly DnnlStreamHandle _stream;
    private readonly List<SafeHandle> _owned = [];
    private readonly bool _f16AsF32;

    public OneDnnRun(DnnlEngineHandle engine, bool f16AsF32)
    {
        _engine = engine;
        _f16AsF32 = f16AsF32;
        _stream = Own(Dnnl.Stream(engine));
    }

    /// <summary>oneDNN's name of a storage type.</summary>
    public static DnnlDataType Storage(DataType type) => type switch
    {
        DataType.F32 => DnnlDataType.F32,
        DataType.F16 => DnnlDataType.F16,
        DataType.BF16 => DnnlDataType.BF16,
        DataType.U8 => DnnlDataType.U8,
        DataType.S8 => DnnlDataType.S8,
        DataType.S32 => DnnlDataType.S32,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no oneDNN data type"),
    };

    /// <summary>The type the primitive computes a tensor stored as <paramref name="type"/> in.</summary>
    public DnnlDataType Compute(DataType type) => type == DataType.F16 && _f16AsF32 ? DnnlDataType.F32 : Storage(type);

    /// <summary>f16 storage is computed in f32 by this run.</summary>
    public bool Converts(DataType type) => Compute(type) != Storage(type);

    /// <summary>A descriptor in the type the primitive computes <paramref name="type"/> in.</summary>
    public DnnlMemoryDesc Md(long[] dims, DataType type, int tag) => Dnnl.MemoryDesc(dims, Compute(type), tag);

    /// <summary>The primitive descriptor of an operation with the attributes <paramref name="attributes"/> build.</summary>
    public DnnlPrimitiveDescHandle PrimitiveDesc(DnnlOpDesc op, Action<DnnlAttrHandle> attributes)
    {
        using var attr = Dnnl.Attributes();
        attributes(attr);
        return Own(Dnnl.PrimitiveDesc(op, _engine, attr));
    }

    /// <summary>
    /// A memory holding <paramref name="values"/> (already in the order of <paramref name="tag"/>, padding lanes
    /// included) stored as <paramref name="storage"/>, reordered by oneDNN to <paramref name="target"/> when that
    /// differs (another format, or the compute type).
    /// </summary>
    public DnnlMemoryHandle Upload(float[] values, long[] dims, int tag, DataType storage, DnnlMemoryDesc target)
    {
        var user = Dnnl.MemoryDesc(dims, Storage(storage), tag);
        var memory = Own(Dnnl.Memory(user, _engine));
        Encode(values, Dnnl.Bytes(memory, Expect(user, values.Length)), user.DataType);
        return Dnnl.Equal(user, target) ? memory : Reorder(memory, user, target);
    }

    /// <summary>A memory of <paramref name="desc"/> holding <paramref name="values"/> in its order (runtime zero points, operands).</summary>
    public DnnlMemoryHandle Filled(float[] values, DnnlMemoryDesc desc)
    {
        var memory = Own(Dnnl.Memory(desc, _engine));
        Encode(values, Dnnl.Bytes(memory, Expect(desc, values.Length)), desc.DataType);
        return memory;
    }

    /// <summary>A memory of <paramref name="desc"/> filled with NaN (integers: <see cref="IntegerPoison"/>).</summary>
    public DnnlMemoryHandle Poisoned(DnnlMemoryDesc desc)
    {
        var memory = Own(Dnnl.Memory(desc, _engine));
        var bytes = Dnnl.Bytes(memory, Dnnl.Size(desc));
        switch (desc.DataType)
        {
            case DnnlDataType.F32:
                MemoryMarshal.Cast<byte, float>(bytes).Fill(float.NaN);
                break;
            case DnnlDataType.F16:
                MemoryMarshal.Cast<byte, ushort>(bytes).Fill(BitConverter.HalfToUInt16Bits(Half.NaN));
                break;
            case DnnlDataType.BF16:
                MemoryMarshal.Cast<byte, ushort>(bytes).Fill((ushort)(BitConverter.SingleToUInt32Bits(float.NaN) >> 16));
                break;
            default:
                bytes.Fill(IntegerPoison);
                break;
        }
        return memory;
    }

    public DnnlMemoryHandle Reorder(DnnlMemoryHandle source, DnnlMemoryDesc from, DnnlMemoryDesc to)
    {
        var target = Poisoned(to);
        var pd = Own(Dnnl.ReorderDesc(from, to, _engine));
        Execute(pd, (DnnlArg.From, source), (DnnlArg.To, target));
        return target;
    }

    public void Execute(DnnlPrimitiveDescHandle pd, params (int Arg, DnnlMemoryHandle Memory)[] args)
    {
        var primitive = Own(Dnnl.Primitive(pd));
        Dnnl.Execute(primitive, _stream, args);
        Dnnl.Wait(_stream);
    }

    /// <summary>
    /// The primitive's output (<paramref name="written"/>, of descriptor <paramref name="writtenMd"/>) as a tensor
    /// of <paramref name="storage"/> in logical order, with its non-zero padding lanes counted. When the output is
    /// stored in another type, or is a window of what the primitive wrote (a crop starting at
    /// <paramref name="cropBegin"/>), a oneDNN reorder takes it to the case's own layout first.
    /// </summary>
    public (Tensor Tensor, long NonZeroPaddingLanes) Download(
        DnnlMemoryHandle written, DnnlMemoryDesc writtenMd, DataLayout layout, int tag, long[]? cropBegin, DataType storage)
    {
        var dims = OneDnnLayouts.ActivationDims(layout.Batch, layout.Channels, layout.Spatial);
        var final = Dnnl.MemoryDesc(dims, Storage(storage), tag);
        var memory = written;
        if (cropBegin is not null || !Dnnl.Equal(final, writtenMd))
        {
            var window = cropBegin is null ? writtenMd : Dnnl.SubMemoryDesc(writtenMd, dims, [0, 0, .. cropBegin]);
            memory = Reorder(written, window, final);
        }
        var physical = Decode(Dnnl.Bytes(memory, Expect(final, layout.PhysicalLength)), final.DataType);
        var nonZero = layout.PaddingOffsets().LongCount(offset => physical[offset] != 0f);
        return (new Tensor(Dims.From(dims.Select(d => (int)d)), layout.Unpack(physical), storage), nonZero);
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
    }

    private T Own<T>(T handle) where T : SafeHandle
    {
        _owned.Add(handle);
        return handle;
    }

    private static int ElementBytes(DnnlDataType type) => type switch
    {
        DnnlDataType.F16 or DnnlDataType.BF16 => sizeof(ushort),
        DnnlDataType.S8 or DnnlDataType.U8 => sizeof(byte),
        _ => sizeof(float),
    };

    /// <summary>oneDNN's size of a user buffer must be exactly the harness's: a mismatch means a wrong tag or dims.</summary>
    private static long Expect(DnnlMemoryDesc desc, long elements)
    {
        var size = Dnnl.Size(desc);
        var element = ElementBytes(desc.DataType);
        if (size != elements * element)
        {
            throw new InvalidOperationException(
                $"oneDNN sizes the buffer at {size} bytes; the harness has {elements} elements of {element} bytes");
        }
        return size;
    }

    /// <summary>Values already representable in <paramref name="type"/> (the fills and the mapping make them so), written as it stores them.</summary>
    private static void Encode(float[] values, Span<byte> bytes, DnnlDataType type)
    {
        switch (type)
        {
            case DnnlDataType.F32:
                MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(bytes);
                break;
            case DnnlDataType.F16:
                var half = MemoryMarshal.Cast<byte, ushort>(bytes);
                for (var i = 0; i < values.Length; i++) half[i] = BitConverter.HalfToUInt16Bits((Half)values[i]);
                break;
            case DnnlDataType.BF16:
                // A bf16 value is the upper half of the f32 that equals it.
                var upper = MemoryMarshal.Cast<byte, ushort>(bytes);
                for (var i = 0; i < values.Length; i++) upper[i] = (ushort)(BitConverter.SingleToUInt32Bits(values[i]) >> 16);
                break;
            case DnnlDataType.S32:
                var words = MemoryMarshal.Cast<byte, int>(bytes);
                for (var i = 0; i < values.Length; i++) words[i] = checked((int)values[i]);
                break;
            case DnnlDataType.S8:
                for (var i = 0; i < values.Length; i++) bytes[i] = (byte)checked((sbyte)values[i]);
                break;
            case DnnlDataType.U8:
                for (var i = 0; i < values.Length; i++) bytes[i] = checked((byte)values[i]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "no encoding");
        }
    }

    private static float[] Decode(Span<byte> bytes, DnnlDataType type)
    {
        var values = new float[bytes.Length / ElementBytes(type)];
        switch (type)
        {
            case DnnlDataType.F32:
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
                break;
            case DnnlDataType.F16:
                var half = MemoryMarshal.Cast<byte, ushort>(bytes);
                for (var i = 0; i < values.Length; i++) values[i] = (float)BitConverter.UInt16BitsToHalf(half[i]);
                break;
            case DnnlDataType.BF16:
                var upper = MemoryMarshal.Cast<byte, ushort>(bytes);
                for (var i = 0; i < values.Length; i++) values[i] = BitConverter.UInt32BitsToSingle((uint)upper[i] << 16);
                break;
            case DnnlDataType.S32:
                var words = MemoryMarshal.Cast<byte, int>(bytes);
                for (var i = 0; i < values.Length; i++) values[i] = words[i];
                break;
            case DnnlDataType.S8:
                for (var i = 0; i < values.Length; i++) values[i] = (sbyte)bytes[i];
                break;
            case DnnlDataType.U8:
                for (var i = 0; i < values.Length; i++) values[i] = bytes[i];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "no decoding");
        }
        return values;
    }
}
