using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Interop;

namespace AccuracyHarness.OpenCL.Backends;

/// <summary>
/// What every OpenCL backend shares: its device session, and turning native failures (a build
/// error with its log, a failed call) into <see cref="BackendOutput.Failed"/> so the run goes on.
/// </summary>
public abstract class OpenClBackend : IBackend
{
    private protected OpenClBackend(string name, OpenClDevice device, OpenClOptions options)
    {
        Name = name;
        Options = options;
        OpenClDevice = device;
    }

    public string Name { get; }

    public string Device => OpenClDevice.Id;

    public OpenClDevice OpenClDevice { get; }

    public OpenClOptions Options { get; }

    private protected DeviceSession Session => DeviceSession.For(OpenClDevice);

    public virtual string ReproArguments => Options.ReproArguments;

    /// <summary>
    /// Programs built on this backend's device by every backend there (the cache is per device), of them those the
    /// compiler built and those loaded from the persistent binary cache, and device buffers created (the rest were reused).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counters
    {
        get
        {
            var session = DeviceSession.Existing(OpenClDevice);
            return
            [
                new($"programs built on {Device}", session?.ProgramBuilds ?? 0),
                new($"programs built on {Device}: from source", session?.Binaries.FromSource ?? 0),
                new($"programs built on {Device}: from the binary cache", session?.Binaries.FromCache ?? 0),
                new($"buffers created on {Device}", session?.Buffers.Created ?? 0),
            ];
        }
    }

    /// <summary>All Oclgrind work, from every backend, on one thread (see <see cref="DedicatedThread"/>).</summary>
    private static readonly Lazy<DedicatedThread> OclgrindThread = new(() => new DedicatedThread("oclgrind"));

    public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        BackendOutput Attempt()
        {
            try
            {
                return Execute(problem, inputs);
            }
            catch (ClException e)
            {
                return new BackendOutput.Failed($"{Name} on {Device}: {e.Message}");
            }
        }

        return OpenClDevice.IsOclgrind ? OclgrindThread.Value.Invoke(Attempt) : Attempt();
    }

    private protected abstract BackendOutput Execute(Problem problem, CaseInputs inputs);
}
