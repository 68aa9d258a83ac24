using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Interop;
using AccuracyHarness.OpenCL.Kernels;

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

    /// <summary>Programs built on this backend's device by every backend there (the cache is per device).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counters =>
        [new($"programs built on {Device}", DeviceSession.Existing(OpenClDevice)?.ProgramBuilds ?? 0)];

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

    /// <summary>
    /// Runs a kernel with the deconvolution signature (input, weights, bias, output, params) over
    /// the case's output, by default one work-item per element of the output in its layout.
    /// </summary>
    private protected BackendOutput RunDeconvolution(
        KernelSource source, Problem problem, CaseInputs inputs, long? workItems = null, bool bakeConstants = false)
    {
        var c = problem.Case;
        var parameters = KernelParams.ForDeconvolution(problem);
        using var run = new DeviceRun(Session, c.DataType, c.Layout, Options.JitConstants);
        var kernel = run.Kernel(source, parameters, bakeConstants);
        var outputLayout = DataLayout.ForOutput(problem);
        var output = run.Poisoned(outputLayout.PhysicalLength);
        run.Launch(
            "deconv", kernel, workItems ?? outputLayout.PhysicalLength,
            run.UploadActivations(inputs.Input.Data, DataLayout.ForInput(problem)),
            run.Upload(inputs.Weights.Data),
            run.Upload(inputs.Bias?.Data ?? []),
            output,
            run.Upload(parameters));
        var (tensor, nonZeroLanes) = run.DownloadActivations(output, outputLayout);
        return new BackendOutput.Produced(tensor, [], run.Findings, nonZeroLanes) { DeviceTimes = run.Timings };
    }
}
