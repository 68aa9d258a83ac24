using System.Collections.Immutable;
using System.Runtime.InteropServices;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Kernels;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// One case's work on a device: its buffers (released at the end), its launches with their
/// device times, and what Oclgrind said about each launch. Holds the device's gate throughout,
/// so nothing else runs on the device meanwhile.
/// </summary>
internal sealed class DeviceRun : IDisposable
{
    /// <summary>Work-group sizes tried, largest first: PoCL compiles one variant per size, so keep the set small.</summary>
    private static readonly int[] LocalSizes = [64, 32, 16, 8, 4, 2, 1];

    private readonly DeviceSession _session;
    private readonly DataType _type;
    private readonly LayoutFamily _layout;
    private readonly bool _jitConstants;
    private readonly List<ClMemHandle> _buffers = [];
    private readonly List<string> _findings = [];
    private readonly List<DeviceTime> _timings = [];

    public DeviceRun(DeviceSession session, DataType type, LayoutFamily layout, bool jitConstants)
    {
        _session = session;
        _type = type;
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

    private int ElementBytes => _type == DataType.F16 ? sizeof(ushort) : sizeof(float);

    public ImmutableArray<string> Findings => [.. _findings];

    public ImmutableArray<DeviceTime> Timings => [.. _timings];

    /// <summary>
    /// A kernel built for this case's data type and layout (and constants, in jit mode or where the
    /// kernel needs them). A failed build's log gets a first line saying where the kernel source
    /// begins in the program, since the compiler's line numbers count the header too.
    /// </summary>
    public ClKernelHandle Kernel(KernelSource source, KernelParams parameters, bool bakeConstants = false) =>
        Kernel(source, source.Program(_type, _layout, _jitConstants || bakeConstants ? parameters : null));

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

    /// <summary>A device copy of values already in device order.</summary>
    public ClMemHandle Upload(float[] values)
    {
        var stored = values.Length == 0 ? [0f] : values;
        var buffer = Track(Cl.CreateBuffer(_session.Context, ClConstants.MemReadOnly, stored.LongLength * ElementBytes));
        Write(buffer, stored);
        return buffer;
    }

    /// <summary>An activation tensor's device copy in <paramref name="layout"/> (no host copy where that is logical order).</summary>
    public ClMemHandle UploadActivations(float[] logical, DataLayout layout) =>
        Upload(layout.IsLogicalOrder ? logical : layout.Pack(logical));

    public ClMemHandle Upload(KernelParams parameters)
    {
        var values = parameters.Values.ToArray();
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var buffer = Track(Cl.CreateBuffer(_session.Context, ClConstants.MemReadOnly, bytes.Length));
        Cl.Write(_session.Queue, buffer, bytes);
        return buffer;
    }

    /// <summary>
    /// A buffer of <paramref name="elements"/> filled with NaN, so an element no kernel writes
    /// cannot pass, except at the <paramref name="zeroed"/> offsets (padding lanes a kernel leaves
    /// untouched). Written from the host rather than with clEnqueueFillBuffer: Oclgrind 21.10's
    /// uninitialised-value checker does not count a fill as initialising memory, and would then
    /// flag every later read of a stage's result.
    /// </summary>
    public ClMemHandle Poisoned(long elements, IEnumerable<long>? zeroed = null)
    {
        var bytes = elements * ElementBytes;
        var buffer = Track(Cl.CreateBuffer(_session.Context, ClConstants.MemReadWrite, bytes));
        var poison = GC.AllocateUninitializedArray<float>(checked((int)elements));
        Array.Fill(poison, float.NaN);
        foreach (var offset in zeroed ?? []) poison[offset] = 0f;
        Write(buffer, poison);
        return buffer;
    }

    public float[] Download(ClMemHandle buffer, long elements)
    {
        var values = GC.AllocateUninitializedArray<float>(checked((int)elements));
        if (_type == DataType.F32)
        {
            Cl.Read(_session.Queue, buffer, MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }
        var bits = new ushort[elements];
        Cl.Read(_session.Queue, buffer, MemoryMarshal.AsBytes(bits.AsSpan()));
        for (var i = 0; i < bits.Length; i++) values[i] = (float)BitConverter.UInt16BitsToHalf(bits[i]);
        return values;
    }

    /// <summary>Runs one work-item per element of the destination and records its time and Oclgrind's messages.</summary>
    public void Launch(string stage, ClKernelHandle kernel, long workItems, params ClMemHandle[] args)
    {
        for (var i = 0; i < args.Length; i++) Cl.SetArg(kernel, (uint)i, args[i]);
        Launch(stage, kernel, [workItems], [LocalSize(workItems)]);
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
    public (Tensor Tensor, long NonZeroPaddingLanes) DownloadActivations(ClMemHandle buffer, DataLayout layout)
    {
        var physical = Download(buffer, layout.PhysicalLength);
        var nonZero = layout.PaddingOffsets().LongCount(offset => physical[offset] != 0f);
        var shape = Dims.From(new[] { layout.Batch, layout.Channels }.Concat(layout.Spatial));
        return (new Tensor(shape, layout.IsLogicalOrder ? physical : layout.Unpack(physical), _type), nonZero);
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers) buffer.Dispose();
        _session.Gate.Exit();
    }

    private ClMemHandle Track(ClMemHandle buffer)
    {
        _buffers.Add(buffer);
        return buffer;
    }

    /// <summary>Writes values in the storage type, without a copy where that is float.</summary>
    private void Write(ClMemHandle buffer, float[] values)
    {
        if (_type == DataType.F32)
        {
            Cl.Write(_session.Queue, buffer, MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }
        var bits = new ushort[values.Length];
        for (var i = 0; i < values.Length; i++) bits[i] = BitConverter.HalfToUInt16Bits((Half)values[i]);
        Cl.Write(_session.Queue, buffer, MemoryMarshal.AsBytes(bits.AsSpan()));
    }
}
