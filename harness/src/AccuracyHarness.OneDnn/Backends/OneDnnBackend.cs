using System.Globalization;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// What both oneDNN backends share: the engine, the compute type, and turning oneDNN's answers
/// into outputs. A refusal (dnnl_invalid_arguments or dnnl_unimplemented while describing the
/// operation) is n/a with oneDNN's status and the call; any other failure is an error.
/// </summary>
public abstract class OneDnnBackend : IBackend
{
    public const string Device = "cpu";

    private protected OneDnnBackend(string name, OneDnnOptions options)
    {
        Name = name;
        Options = options;
    }

    public string Name { get; }

    string IBackend.Device => Device;

    public OneDnnOptions Options { get; }

    public abstract string ReproArguments { get; }

    private long _primitiveDescs;

    /// <summary>
    /// oneDNN caches primitives itself; this counts the descriptors this backend asked it for, named
    /// by the backend because each backend counts its own (counters of one name count once).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counters =>
        [new($"{Name}: oneDNN primitive descriptors created", Interlocked.Read(ref _primitiveDescs))];

    /// <summary>The operation's name in refusals ("deconvolution", "convolution").</summary>
    private protected abstract string Operation { get; }

    public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (PlainFloatOnly.Refuse(Name, problem.Case) is { } refusal) return refusal;
        var compute = problem.Case.Types.Destination == DataType.F16 && !Options.F16AsF32 ? DnnlDataType.F16 : DnnlDataType.F32;
        try
        {
            using var run = new OneDnnRun(OneDnnFamily.Engine, problem.Case.Types.Destination, compute);
            return Execute(problem, inputs, run);
        }
        catch (DnnlException e) when (e.IsRefusal)
        {
            return new BackendOutput.NotApplicable(Refusal(problem, e, compute));
        }
        catch (DnnlException e)
        {
            return new BackendOutput.Failed($"{Name}: {e.Message}");
        }
    }

    private protected abstract BackendOutput Execute(Problem problem, CaseInputs inputs, OneDnnRun run);

    /// <summary>The primitive descriptor of an operation, counted.</summary>
    private protected DnnlPrimitiveDescHandle Describe(OneDnnRun run, DnnlOpDesc op)
    {
        Interlocked.Increment(ref _primitiveDescs);
        return run.PrimitiveDesc(op);
    }

    /// <summary>Largest case run on oneDNN's reference implementation without <see cref="OneDnnOptions.SlowReference"/>.</summary>
    public const double SlowReferenceFrom = 1e9;

    /// <summary>
    /// oneDNN's reference implementation (ref:any, what it picks for some blocked layouts with few
    /// channels) ran 0.02 GMAC/s over cases/nightly-large on the 2-core VM: a case of 1e10
    /// multiply-adds outlasted the nightly's 5-minute timeout. Above <see cref="SlowReferenceFrom"/>
    /// such a case is n/a with that reason, unless asked for.
    /// </summary>
    private protected BackendOutput.NotApplicable? TooSlow(string impl, double multiplyAdds)
    {
        const double rate = 0.02e9;
        var slow = impl.StartsWith("ref", StringComparison.Ordinal) && multiplyAdds > SlowReferenceFrom;
        if (!slow || Options.SlowReference) return null;
        return new BackendOutput.NotApplicable(string.Create(CultureInfo.InvariantCulture,
            $"oneDNN offers only {impl} for this {Operation}, about {rate / 1e9} GMAC/s: its {multiplyAdds:0.0e0} multiply-adds "
            + $"would take about {multiplyAdds / rate / 60:0} min; {OneDnnOptions.SlowReferenceOption.Flag} runs it anyway"));
    }

    /// <summary>The geometry as handed to oneDNN, for refusals, e.g. "strides 1x1, dilates 2x1, padding_l 0x0, padding_r -2x-1".</summary>
    private protected abstract string Handed(Problem problem);

    private string Refusal(Problem problem, DnnlException e, DnnlDataType compute)
    {
        var isa = Dnnl.EffectiveIsa();
        if (e.Status == DnnlStatus.InvalidArguments)
            return $"oneDNN refuses this {Operation} ({Handed(problem)}): {e.Message}";
        if (compute == DnnlDataType.F16)
        {
            return $"oneDNN {Dnnl.Version()} has no f16 {Operation} on the CPU (ISA {isa}): {e.Message}; " +
                $"{OneDnnOptions.F16AsF32Option.Flag} runs f16 cases in f32 between oneDNN reorders";
        }
        if (Options.Winograd)
            return $"oneDNN has no winograd {Operation} for this case on ISA {isa}: {e.Message}";
        return $"oneDNN has no implementation of this {Operation} ({Handed(problem)}): {e.Message}";
    }
}
