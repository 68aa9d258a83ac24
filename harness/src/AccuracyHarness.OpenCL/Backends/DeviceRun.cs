using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// One case's work on a device: its buffers (from the session's pool, given back at the end), its
/// launches with their device times, and what Oclgrind said about each launch. Holds the device's
/// gate throughout, so nothing else runs on the device meanwhile. Every buffer has its own storage type
/// (<see cref="StorageCodec"/>: a quantized case's source, weights and destination differ). Host staging (conversion
/// to the storage type, blocked layouts' physical copies) comes from the shared array pool: a case allocates on the
/// host only the arrays it returns.
/// </summary>
internal sealed class DeviceRun : IDisposable
{
    /// <summary>Work-group sizes tried, largest first: PoCL compiles one variant per size, so keep the set small.</summary>
    private static readonly int[] LocalSizes = [64, 32, 16, 8, 4, 2, 1];

    private readonly DeviceSession _session;
    private readonly KernelTypes _types;
    private readonly LayoutFamily _layout;
    private readonly bool _jitConstants;
    private readonly List<(ClMemHandle Buffer, long SizeClass)> _buffers = [];
    private readonly List<string> _findings = [];
    private readonly List<DeviceTime> _timings = [];

    public DeviceRun(DeviceSession session, KernelTypes types, LayoutFamily layout, bool jitConstants)
    {
        _session = session;
        _types = types;
        _layout = layout;
        _jitConstants = jitConstants;
        session.Gate.Enter();
        try
        {
            // Whatever Oclgrind said before this case (a previous case cut short) is not this case's.
            session.Log?.TakeNew();
        }
        catch
        {
            session.Gate.Exit();
            throw;
        }
    }

    public ImmutableArray<string> Findings => [.. _findings];

    public ImmutableArray<DeviceTime> Timings => [.. _timings];

    /// <summary>
    /// A kernel built for this case's data types and layout (and constants, in jit mode). A failed build's log gets a
    /// first line saying where the kernel source begins in the program, since the compiler's line numbers count the
    /// header too.
    /// </summary>
    public ClKernelHandle Kernel(KernelSource source, KernelParams parameters) =>
        Kernel(source, source.Program(_types, _layout, _jitConstants ? parameters : null));

    /// <summary>A kernel from a program the caller put together (a manifest's header and defines before the source).</summary>
    public ClKernelHandle Kernel(KernelSource source, KernelProgram program)
    {
        try
        {
            return _session.Kernel(program.Text, source.BuildOptions, source.Entry);
        }
        catch (ClException e) when (e.BuildLog is not null)
        {
            throw new ClException(e.Call, e.Status,
                $"({source.Origin} begins at line {program.SourceFirstLine} of the program; the harness header comes first)\n{e.BuildLog}");
        }
    }

    /// <summary>A device copy of values already in device order, in <paramref name="type"/>.</summary>
    public ClMemHandle Upload(float[] values, DataType type) => Upload(values.AsSpan(), type);

    /// <summary>
    /// An activation tensor's device copy in <paramref name="layout"/>: no host copy where that is logical order, else
    /// packed into pooled staging.
    /// </summary>
    public ClMemHandle UploadActivations(float[] logical, DataLayout layout, DataType type)
    {
        if (layout.IsLogicalOrder) return Upload(logical, type);
        var physical = ArrayPool<float>.Shared.Rent(checked((int)layout.PhysicalLength));
        try
        {
            layout.Pack(logical, physical);
            return Upload(physical.AsSpan(0, (int)layout.PhysicalLength), type);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(physical);
        }
    }

    public ClMemHandle Upload(KernelParams parameters) => Upload(parameters.Values.AsSpan());

    public ClMemHandle Upload(ReadOnlySpan<int> values)
    {
        var bytes = MemoryMarshal.AsBytes(values);
        var buffer = Rent(bytes.Length);
        Cl.Write(_session.Queue, buffer, bytes);
        return buffer;
    }

    /// <summary>
    /// The four arguments after <c>params</c> of a case that is not plain f32 or f16 (<see cref="KernelArithmetic"/>):
    /// scales, zero points, the sum's prior destination (in the output's layout) and the add-pc operands; none for a
    /// plain case.
    /// </summary>
    public ClMemHandle[] EpilogueArgs(Problem problem, CaseInputs inputs)
    {
        if (_types.IsPlain) return [];
        var q = inputs.Quantization;
        float[] scales = q is null ? [] : [q.SourceScale, q.DestinationScale, .. q.WeightScales];
        int[] zeroPoints = q is null ? [0] : [q.DestinationZeroPoint, .. q.SourceZeroPoints];
        var destination = _types.Types.Destination;
        var prior = inputs.PostOps?.SumPrior is { } sum
            ? UploadActivations(sum.Data, DataLayout.ForOutput(problem), destination)
            : Upload([], destination);
        var operands = inputs.PostOps?.Operands.OfType<float[]>().SelectMany(o => o).ToArray() ?? [];
        return [Upload(scales, DataType.F32), Upload(zeroPoints), prior, Upload(operands, DataType.F32)];
    }

    /// <summary>A buffer of <paramref name="elements"/> filled with NaN, so an element no kernel writes cannot pass.</summary>
    public ClMemHandle Poisoned(long elements, DataType type) => Poisoned(elements, type, null);

    /// <summary>
    /// A buffer for an activation tensor in <paramref name="layout"/>, filled with NaN; with
    /// <paramref name="zeroPaddingLanes"/>, a blocked layout's padding lanes are 0 instead (lanes a kernel leaves untouched).
    /// </summary>
    public ClMemHandle Poisoned(DataLayout layout, bool zeroPaddingLanes, DataType type) =>
        Poisoned(layout.PhysicalLength, type, zeroPaddingLanes && layout.PaddedChannels != layout.Channels ? layout : null);

    /// <summary>The first <paramref name="elements"/> of a buffer of <paramref name="type"/>, as floats.</summary>
    public float[] Download(ClMemHandle buffer, long elements, DataType type)
    {
        var values = GC.AllocateUninitializedArray<float>(checked((int)elements));
        Read(buffer, values, type);
        return values;
    }

    /// <summary>Runs one work-item per element of the destination and records its time and Oclgrind's messages.</summary>
    public void Launch(string stage, ClKernelHandle kernel, long workItems, params ClMemHandle[] args) =>
        Launch(stage, kernel, workItems, LocalSize(workItems), args);

    /// <summary>
    /// Runs <paramref name="workItems"/> rounded up to whole work-groups of <paramref name="workGroup"/> (the kernel
    /// returns early past its last item) and records its time and Oclgrind's messages.
    /// </summary>
    public void Launch(string stage, ClKernelHandle kernel, long workItems, long workGroup, ClMemHandle[] args)
    {
        for (var i = 0; i < args.Length; i++) Cl.SetArg(kernel, (uint)i, args[i]);
        Launch(stage, kernel, [(workItems + workGroup - 1) / workGroup * workGroup], [workGroup]);
    }

    /// <summary>The work-group size the harness picks for a 1-D range of <paramref name="workItems"/>.</summary>
    public static long LocalSize(long workItems) => LocalSizes.First(size => workItems % size == 0);

    /// <summary>Runs a kernel whose arguments are set over a range of 1 to 3 dimensions (null local: the driver's choice).</summary>
    public void Launch(string stage, ClKernelHandle kernel, long[] global, long[]? local)
    {
        using (var evt = Cl.Enqueue(_session.Queue, kernel, global, local))
        {
            Cl.Finish(_session.Queue);
            _timings.Add(new DeviceTime(stage, Cl.Duration(evt).TotalMilliseconds));
        }
        if (_session.Log is { } log)
            _findings.AddRange(log.TakeNew().Select(message => $"oclgrind ({stage}): {message}"));
    }

    /// <summary>A tensor in the case's layout, unpacked to logical order, with its non-zero padding lanes counted.</summary>
    public (Tensor Tensor, long NonZeroPaddingLanes) DownloadActivations(ClMemHandle buffer, DataLayout layout, DataType type)
    {
        var shape = Dims.From(new[] { layout.Batch, layout.Channels }.Concat(layout.Spatial));
        if (layout.IsLogicalOrder) return (new Tensor(shape, Download(buffer, layout.PhysicalLength, type), type), 0);
        var physical = ArrayPool<float>.Shared.Rent(checked((int)layout.PhysicalLength));
        try
        {
            Read(buffer, physical.AsSpan(0, (int)layout.PhysicalLength), type);
            var nonZero = layout.PaddingOffsets().LongCount(offset => physical[offset] != 0f);
            return (new Tensor(shape, layout.Unpack(physical), type), nonZero);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(physical);
        }
    }

    public void Dispose()
    {
        foreach (var (buffer, sizeClass) in _buffers) _session.Buffers.Return(buffer, sizeClass);
        _session.Gate.Exit();
    }

    private ClMemHandle Upload(ReadOnlySpan<float> values, DataType type)
    {
        ReadOnlySpan<float> stored = values.IsEmpty ? [0f] : values;
        var buffer = Rent(stored.Length * (long)StorageCodec.Bytes(type));
        Write(buffer, stored, type);
        return buffer;
    }

    /// <summary>A pooled buffer of at least <paramref name="bytes"/>, given back when the case ends.</summary>
    private ClMemHandle Rent(long bytes)
    {
        var rented = _session.Buffers.Rent(bytes);
        _buffers.Add(rented);
        return rented.Buffer;
    }

    /// <summary>
    /// The device fills the buffer: no host array, no upload. Except on Oclgrind, where it is written from the host: Oclgrind
    /// 21.10's uninitialised-value checker does not count a fill as initialising memory, and would then flag every later read
    /// of a stage's result. A blocked layout's zeroed padding lanes are one pattern fill per batch over the tail channel block.
    /// </summary>
    private ClMemHandle Poisoned(long elements, DataType type, DataLayout? zeroLanesOf)
    {
        var buffer = Rent(elements * StorageCodec.Bytes(type));
        if (_session.Device.IsOclgrind)
        {
            var poison = ArrayPool<float>.Shared.Rent(checked((int)elements));
            try
            {
                Array.Fill(poison, float.NaN, 0, (int)elements);
                foreach (var offset in zeroLanesOf?.PaddingOffsets() ?? []) poison[offset] = 0f;
                Write(buffer, poison.AsSpan(0, (int)elements), type);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(poison);
            }
            return buffer;
        }
        Fill(buffer, [float.NaN], type, 0, elements);
        if (zeroLanesOf is { } layout)
        {
            var block = new float[DataLayout.BlockSize];
            Array.Fill(block, float.NaN, 0, layout.Channels % DataLayout.BlockSize);
            var tail = (layout.ChannelBlocks - 1) * DataLayout.BlockSize;
            for (var n = 0; n < layout.Batch; n++)
                Fill(buffer, block, type, layout.Offset(n, tail, 0, 0, 0), layout.SpatialSize * DataLayout.BlockSize);
        }
        return buffer;
    }

    /// <summary>Fills <paramref name="elements"/> from <paramref name="offset"/> with <paramref name="pattern"/> in its storage type.
    /// </summary>
    private void Fill(ClMemHandle buffer, float[] pattern, DataType type, long offset, long elements)
    {
        var size = StorageCodec.Bytes(type);
        var bits = new byte[pattern.Length * size];
        StorageCodec.Encode(pattern, type, bits);
        Cl.Fill(_session.Queue, buffer, bits, offset * size, elements * size);
    }

    /// <summary>Writes values in the storage type, without a copy where that is float.</summary>
    private void Write(ClMemHandle buffer, ReadOnlySpan<float> values, DataType type)
    {
        if (type == DataType.F32)
        {
            Cl.Write(_session.Queue, buffer, MemoryMarshal.AsBytes(values));
            return;
        }
        var length = values.Length * StorageCodec.Bytes(type);
        var bits = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            StorageCodec.Encode(values, type, bits);
            Cl.Write(_session.Queue, buffer, bits.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bits);
        }
    }

    /// <summary>Reads device values in the storage type into floats, through a pooled staging array where that is not f32.</summary>
    private void Read(ClMemHandle buffer, Span<float> values, DataType type)
    {
        if (type == DataType.F32)
        {
            Cl.Read(_session.Queue, buffer, MemoryMarshal.AsBytes(values));
            return;
        }
        var length = values.Length * StorageCodec.Bytes(type);
        var bits = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Cl.Read(_session.Queue, buffer, bits.AsSpan(0, length));
            StorageCodec.Decode(bits.AsSpan(0, length), type, values);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bits);
        }
    }
}
