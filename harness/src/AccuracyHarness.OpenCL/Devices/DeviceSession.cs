using System.Collections.Concurrent;
using AccuracyHarness.OpenCL.Interop;

namespace AccuracyHarness.OpenCL.Devices;

/// <summary>
/// The run's one context and queue on a device, with its program cache (in memory, over the persistent
/// <see cref="ProgramBinaryCache"/>) and its buffer pool. Every backend on the device shares it, so a program is built
/// once per run and buffers serve case after case. Launches take <see cref="Gate"/>: one command at a time per device
/// keeps kernel arguments and Oclgrind's messages per launch.
/// </summary>
internal sealed class DeviceSession
{
    private static readonly ConcurrentDictionary<string, Lazy<DeviceSession>> Sessions = new(StringComparer.Ordinal);

    /// <summary>Setting the native environment and creating an Oclgrind context must not interleave.</summary>
    private static readonly Lock EnvironmentGate = new();

    private readonly ConcurrentDictionary<(string Source, string Options), Lazy<BuiltProgram>> _programs = new();

    private DeviceSession(OpenClDevice device)
    {
        Device = device;
        lock (EnvironmentGate)
        {
            if (device.IsOclgrind)
            {
                var log = OclgrindLog.Prepare();
                // The session lives as long as the process; so does Oclgrind's open log file.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => log.Dispose();
                Log = log;
            }
            Context = Cl.CreateContext(device.DeviceHandle);
        }
        Queue = Cl.CreateQueue(Context, device.DeviceHandle);
        Buffers = new BufferPool(Context, exact: device.IsOclgrind);
        Binaries = ProgramBinaryCache.FromEnvironment();
    }

    public OpenClDevice Device { get; }

    public ClContextHandle Context { get; }

    public ClQueueHandle Queue { get; }

    public Lock Gate { get; } = new();

    public BufferPool Buffers { get; }

    public ProgramBinaryCache Binaries { get; }

    /// <summary>Present on Oclgrind only.</summary>
    public OclgrindLog? Log { get; }

    /// <summary>
    /// Oclgrind 21.10's uninitialised-value checker stops at LLVM's <c>freeze</c> instruction, which
    /// the optimiser inserts (e.g. for a division next to a remainder of the same operands): build
    /// unoptimised there.
    /// </summary>
    private string DeviceOptions => Device.IsOclgrind ? "-cl-opt-disable" : "";

    /// <summary>Number of programs built (or attempted) in this session; tests use it to check the cache.</summary>
    public int ProgramBuilds => _programs.Count;

    /// <summary>
    /// The session if one was made, without making one: on Oclgrind a session must be made on the
    /// thread that runs all Oclgrind work, so counters read from elsewhere must not make it.
    /// </summary>
    public static DeviceSession? Existing(OpenClDevice device) =>
        Sessions.TryGetValue(device.Id, out var session) && session.IsValueCreated ? session.Value : null;

    public static DeviceSession For(OpenClDevice device) =>
        Sessions.GetOrAdd(device.Id, _ => new Lazy<DeviceSession>(() => new DeviceSession(device))).Value;

    /// <summary>
    /// The kernel <paramref name="entry"/> of a program built from the full source text, from the
    /// cache. A failed build is cached too: every case that needs it fails fast with the same log.
    /// </summary>
    public ClKernelHandle Kernel(string source, string options, string entry)
    {
        var full = (DeviceOptions + " " + options).Trim();
        var program = _programs.GetOrAdd((source, full), key =>
            new Lazy<BuiltProgram>(() => BuiltProgram.Build(this, key.Source, key.Options))).Value;
        return program.Kernel(entry);
    }

    private sealed class BuiltProgram
    {
        private readonly ClProgramHandle? _program;
        private readonly ClException? _failure;
        private readonly ConcurrentDictionary<string, Lazy<ClKernelHandle>> _kernels = new(StringComparer.Ordinal);

        private BuiltProgram(ClProgramHandle? program, ClException? failure)
        {
            _program = program;
            _failure = failure;
        }

        public static BuiltProgram Build(DeviceSession session, string source, string options)
        {
            try
            {
                return new BuiltProgram(session.Binaries.Build(session.Context, session.Device, source, options), null);
            }
            catch (ClException e)
            {
                return new BuiltProgram(null, e);
            }
        }

        public ClKernelHandle Kernel(string entry)
        {
            if (_failure is not null) throw _failure;
            return _kernels.GetOrAdd(entry, e => new Lazy<ClKernelHandle>(() => Cl.CreateKernel(_program!, e))).Value;
        }
    }
}
