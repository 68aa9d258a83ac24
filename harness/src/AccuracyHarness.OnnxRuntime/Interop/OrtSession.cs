using System.Buffers;
using System.Runtime.InteropServices;

namespace AccuracyHarness.OnnxRuntime.Interop;

/// <summary>
/// An ONNX Runtime inference session on the CPU, created from model bytes. Run is thread-safe
/// (ONNX Runtime allows concurrent runs on one session), so a cached session serves parallel cases.
/// </summary>
public sealed unsafe class OrtSession : IDisposable
{
    private const int LoggingLevelError = 3;
    private const int ElementFloat = 1;
    private const int ElementUInt8 = 2;
    private const int ElementInt8 = 3;
    private const int ElementFloat16 = 10;
    private const int ArenaAllocator = 1;
    private const int MemTypeDefault = 0;

    /// <summary>ONNX Runtime allows one environment per process; it lives as long as the process.</summary>
    private static readonly Lazy<OrtEnvHandle> Env = new(() => OrtHandles.Create<OrtEnvHandle>(p =>
    {
        var id = "AccuracyHarness"u8;
        fixed (byte* logId = id) return OrtApi.CreateEnv(LoggingLevelError, logId, (nint*)p);
    }));

    private static readonly Lazy<OrtMemoryInfoHandle> CpuMemory =
        new(() => OrtHandles.Create<OrtMemoryInfoHandle>(p => OrtApi.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, (nint*)p)));

    private readonly OrtSessionHandle _session;

    private OrtSession(OrtSessionHandle session) => _session = session;

    /// <summary>
    /// Creates a session. <paramref name="intraOpThreads"/> bounds ONNX Runtime's own thread pool
    /// (1: none), so that cases run in parallel by the caller do not oversubscribe the cores;
    /// pool threads do not spin between runs for the same reason.
    /// </summary>
    public static OrtSession Create(byte[] model, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        using var options = OrtHandles.Create<OrtSessionOptionsHandle>(p => OrtApi.CreateSessionOptions((nint*)p));
        var raw = options.DangerousGetHandle();
        OrtApi.Check(OrtApi.SetIntraOpNumThreads(raw, intraOpThreads));
        OrtApi.Check(OrtApi.SetInterOpNumThreads(raw, 1));
        if (intraOpThreads > 1)
        {
            fixed (byte* key = "session.intra_op.allow_spinning\0"u8)
            fixed (byte* value = "0\0"u8)
                OrtApi.Check(OrtApi.AddSessionConfigEntry(raw, key, value));
        }
        var env = Env.Value.DangerousGetHandle();
        var session = OrtHandles.Create<OrtSessionHandle>(p =>
        {
            fixed (byte* bytes = model) return OrtApi.CreateSessionFromArray(env, bytes, (nuint)model.Length, raw, (nint*)p);
        });
        return new OrtSession(session);
    }

    /// <summary>Runs the model on named tensors and returns the named output as ONNX Runtime produced it (f32, f16, u8, s8).</summary>
    public OrtTensor Run(IReadOnlyList<(string Name, OrtTensor Value)> feeds, string outputName)
    {
        var pins = new List<MemoryHandle>();
        var values = new List<OrtValueHandle>();
        var names = new List<nint>();
        var added = false;
        try
        {
            _session.DangerousAddRef(ref added);
            var inputValues = stackalloc nint[feeds.Count];
            var inputNames = stackalloc byte*[feeds.Count];
            for (var i = 0; i < feeds.Count; i++)
            {
                var (name, tensor) = feeds[i];
                var value = CreateValue(tensor, pins);
                values.Add(value);
                inputValues[i] = value.DangerousGetHandle();
                inputNames[i] = Utf8(name, names);
            }
            var outputNameUtf8 = Utf8(outputName, names);
            nint output = 0;
            OrtApi.Check(OrtApi.Run(_session.DangerousGetHandle(), 0, inputNames, inputValues, (nuint)feeds.Count, &outputNameUtf8, 1,
                &output));
            using var outputHandle = new OrtValueHandle();
            Marshal.InitHandle(outputHandle, output);
            return ReadTensor(outputHandle);
        }
        finally
        {
            if (added) _session.DangerousRelease();
            foreach (var v in values) v.Dispose();
            foreach (var p in pins) p.Dispose();
            foreach (var n in names) Marshal.FreeCoTaskMem(n);
        }
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Keeps the native session alive past a concurrent Dispose until <see cref="ReleaseLease"/>; false once disposed.</summary>
    internal bool TryAcquire()
    {
        var added = false;
        try
        {
            _session.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
        }
        return added;
    }

    internal void ReleaseLease() => _session.DangerousRelease();

    private static byte* Utf8(string text, List<nint> allocated)
    {
        var p = Marshal.StringToCoTaskMemUTF8(text);
        allocated.Add(p);
        return (byte*)p;
    }

    private static OrtValueHandle CreateValue(OrtTensor tensor, List<MemoryHandle> pins)
    {
        var (pin, bytes, elementType) = tensor.Elements switch
        {
            float[] floats => (floats.AsMemory().Pin(), (nuint)(floats.Length * sizeof(float)), ElementFloat),
            Half[] halves => (halves.AsMemory().Pin(), (nuint)(halves.Length * sizeof(Half)), ElementFloat16),
            // The runtime's type test takes an sbyte[] for a byte[] and back: the exact type tells them apart.
            sbyte[] signed when tensor.Elements.GetType() == typeof(sbyte[]) =>
                (signed.AsMemory().Pin(), (nuint)signed.Length, ElementInt8),
            byte[] unsigned => (unsigned.AsMemory().Pin(), (nuint)unsigned.Length, ElementUInt8),
            _ => throw new ArgumentException(
                $"only float, float16, uint8 and int8 tensors go to ONNX Runtime, not {tensor.Elements.GetType().Name}", nameof(tensor)),
        };
        pins.Add(pin);
        var shape = tensor.Shape;
        var memory = CpuMemory.Value.DangerousGetHandle();
        return OrtHandles.Create<OrtValueHandle>(p =>
        {
            fixed (long* dims = shape)
                return OrtApi.CreateTensorWithDataAsOrtValue(memory, pin.Pointer, bytes, dims, (nuint)shape.Length, elementType, (nint*)p);
        });
    }

    private static OrtTensor ReadTensor(OrtValueHandle value)
    {
        var raw = value.DangerousGetHandle();
        using var info = OrtHandles.Create<OrtTensorTypeAndShapeInfoHandle>(p => OrtApi.GetTensorTypeAndShape(raw, (nint*)p));
        var infoRaw = info.DangerousGetHandle();
        int elementType;
        nuint rank;
        OrtApi.Check(OrtApi.GetTensorElementType(infoRaw, &elementType));
        OrtApi.Check(OrtApi.GetDimensionsCount(infoRaw, &rank));
        var shape = new long[(int)rank];
        fixed (long* d = shape) OrtApi.Check(OrtApi.GetDimensions(infoRaw, d, rank));
        var count = checked((int)shape.Aggregate(1L, (a, b) => a * b));

        void* data;
        OrtApi.Check(OrtApi.GetTensorMutableData(raw, &data));
        return elementType switch
        {
            ElementFloat => new OrtTensor(shape, new ReadOnlySpan<float>(data, count).ToArray()),
            ElementFloat16 => new OrtTensor(shape, new ReadOnlySpan<Half>(data, count).ToArray()),
            ElementUInt8 => new OrtTensor(shape, new ReadOnlySpan<byte>(data, count).ToArray()),
            ElementInt8 => new OrtTensor(shape, new ReadOnlySpan<sbyte>(data, count).ToArray()),
            _ => throw new NotSupportedException(
                $"ONNX Runtime produced element type {elementType}; only float (1), uint8 (2), int8 (3) and float16 (10) are read"),
        };
    }
}
