using System.Runtime.InteropServices;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// One case's work on oneDNN: its stream, memories and primitives (released at the end). Values
/// are stored in the case's storage type and computed in <see cref="Compute"/>: when the two
/// differ (f16 run in f32), oneDNN reorders convert between them. Outputs are filled with NaN
/// first, so an element no primitive writes cannot pass.
/// </summary>
internal sealed class OneDnnRun : IDisposable
{
    private readonly DnnlEngineHandle _engine;
    private readonly DnnlStreamHandle _stream;
    private readonly List<SafeHandle> _owned = [];

    public OneDnnRun(DnnlEngineHandle engine, DataType storage, DnnlDataType compute)
    {
        _engine = engine;
        Storage = storage == DataType.F16 ? DnnlDataType.F16 : DnnlDataType.F32;
        Compute = compute;
        _stream = Own(Dnnl.Stream(engine));
    }

    public DnnlDataType Storage { get; }

    public DnnlDataType Compute { get; }

    /// <summary>A descriptor in the compute type.</summary>
    public DnnlMemoryDesc Md(long[] dims, int tag) => Dnnl.MemoryDesc(dims, Compute, tag);

    public DnnlPrimitiveDescHandle PrimitiveDesc(DnnlOpDesc op) => Own(Dnnl.PrimitiveDesc(op, _engine));

    /// <summary>
    /// A memory holding <paramref name="values"/> (already in the order of <paramref name="tag"/>,
    /// padding lanes included) in the storage type, reordered by oneDNN to <paramref name="target"/>
    /// when that differs (another format, or the compute type).
    /// </summary>
    public DnnlMemoryHandle Upload(float[] values, long[] dims, int tag, DnnlMemoryDesc target)
    {
        var user = Dnnl.MemoryDesc(dims, Storage, tag);
        var memory = Own(Dnnl.Memory(user, _engine));
        var bytes = Dnnl.Bytes(memory, Expect(user, values.Length));
        Encode(values, bytes);
        return Dnnl.Equal(user, target) ? memory : Reorder(memory, user, target);
    }

    /// <summary>A memory of <paramref name="desc"/> filled with NaN.</summary>
    public DnnlMemoryHandle Poisoned(DnnlMemoryDesc desc)
    {
        var memory = Own(Dnnl.Memory(desc, _engine));
        var bytes = Dnnl.Bytes(memory, Dnnl.Size(desc));
        if (desc.DataType == DnnlDataType.F32) MemoryMarshal.Cast<byte, float>(bytes).Fill(float.NaN);
        else MemoryMarshal.Cast<byte, ushort>(bytes).Fill(BitConverter.HalfToUInt16Bits(Half.NaN));
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
    /// The primitive's output (<paramref name="written"/>, of descriptor <paramref name="writtenMd"/>)
    /// as a tensor in logical order, with its non-zero padding lanes counted. When the output is
    /// stored in another type, or is a window of what the primitive wrote (a crop starting at
    /// <paramref name="cropBegin"/>), a oneDNN reorder takes it to the case's own layout first.
    /// </summary>
    public (Tensor Tensor, long NonZeroPaddingLanes) Download(
        DnnlMemoryHandle written, DnnlMemoryDesc writtenMd, DataLayout layout, int tag, long[]? cropBegin, DataType storage)
    {
        var dims = OneDnnLayouts.ActivationDims(layout.Batch, layout.Channels, layout.Spatial);
        var final = Dnnl.MemoryDesc(dims, Storage, tag);
        var memory = written;
        if (cropBegin is not null || !Dnnl.Equal(final, writtenMd))
        {
            var window = cropBegin is null ? writtenMd : Dnnl.SubMemoryDesc(writtenMd, dims, [0, 0, .. cropBegin]);
            memory = Reorder(written, window, final);
        }
        var physical = Decode(Dnnl.Bytes(memory, Expect(final, layout.PhysicalLength)));
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

    private int ElementBytes => Storage == DnnlDataType.F16 ? sizeof(ushort) : sizeof(float);

    /// <summary>oneDNN's size of a user buffer must be exactly the harness's: a mismatch means a wrong tag or dims.</summary>
    private long Expect(DnnlMemoryDesc desc, long elements)
    {
        var size = Dnnl.Size(desc);
        if (size != elements * ElementBytes)
        {
            throw new InvalidOperationException(
                $"oneDNN sizes the buffer at {size} bytes; the harness has {elements} elements of {ElementBytes} bytes");
        }
        return size;
    }

    private void Encode(float[] values, Span<byte> bytes)
    {
        if (Storage == DnnlDataType.F32)
        {
            MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(bytes);
            return;
        }
        var bits = MemoryMarshal.Cast<byte, ushort>(bytes);
        for (var i = 0; i < values.Length; i++) bits[i] = BitConverter.HalfToUInt16Bits((Half)values[i]);
    }

    private float[] Decode(Span<byte> bytes)
    {
        if (Storage == DnnlDataType.F32) return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        var bits = MemoryMarshal.Cast<byte, ushort>(bytes);
        var values = new float[bits.Length];
        for (var i = 0; i < bits.Length; i++) values[i] = (float)BitConverter.UInt16BitsToHalf(bits[i]);
        return values;
    }
}
