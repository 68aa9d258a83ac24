using System.Numerics;
using AccuracyHarness.OpenCL.Interop;

namespace AccuracyHarness.OpenCL.Devices;

/// <summary>
/// A device session's buffers, kept between cases so that a case does not pay for creating them (on PoCL a fresh
/// buffer is fresh host memory, faulted in page by page on its first write). Buffers are kept by size class: a power
/// of two bytes, or the exact size where <c>exact</c> is set (Oclgrind checks bounds against the buffer's size, so a
/// larger buffer would hide an out-of-bounds access). Thread-safe; at most <see cref="IdleLimit"/> bytes stay idle.
/// </summary>
internal sealed class BufferPool(ClContextHandle context, bool exact)
{
    private const long IdleLimit = 1L << 30;
    private const long SmallestClass = 256;

    private readonly Dictionary<long, Stack<ClMemHandle>> _idle = [];
    private readonly Lock _gate = new();
    private long _idleBytes;

    /// <summary>Buffers created; a case that only reuses adds none.</summary>
    public long Created { get; private set; }

    /// <summary>A read-write buffer of at least <paramref name="bytes"/>, and the size class to give back with it.</summary>
    public (ClMemHandle Buffer, long SizeClass) Rent(long bytes)
    {
        var sizeClass = exact ? Math.Max(bytes, 1) : Math.Max(SmallestClass, (long)BitOperations.RoundUpToPowerOf2((ulong)bytes));
        lock (_gate)
        {
            if (_idle.TryGetValue(sizeClass, out var stack) && stack.TryPop(out var reused))
            {
                _idleBytes -= sizeClass;
                return (reused, sizeClass);
            }
            Created++;
        }
        return (Cl.CreateBuffer(context, ClConstants.MemReadWrite, sizeClass), sizeClass);
    }

    public void Return(ClMemHandle buffer, long sizeClass)
    {
        lock (_gate)
        {
            if (_idleBytes + sizeClass <= IdleLimit)
            {
                if (!_idle.TryGetValue(sizeClass, out var stack)) _idle[sizeClass] = stack = new Stack<ClMemHandle>();
                stack.Push(buffer);
                _idleBytes += sizeClass;
                return;
            }
        }
        buffer.Dispose();
    }
}
