using System.Globalization;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;
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

    private protected OneDnnBackend(string name, OneDnnOptions options, Func<Problem, CaseInputs, EpilogueMapping> epilogue)
    {
        Name = name;
        Options = options;
        Epilogue = epilogue;
    }

    /// <summary>How scales, zero points, bias and post-ops are handed to oneDNN; only mutants change it.</summary>
    private protected Func<Problem, CaseInputs, EpilogueMapping> Epilogue { get; }

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
        try
        {
            using var run = new OneDnnRun(OneDnnFamily.Engine, Options.F16AsF32);
            return Execute(problem, inputs, run);
        }
        catch (DnnlException e) when (e.IsRefusal)
        {
            return new BackendOutput.NotApplicable(Refusal(problem, e, problem.Case.Types.Source == DataType.F16 && !Options.F16AsF32));
        }
        catch (DnnlException e)
        {
            return new BackendOutput.Failed($"{Name}: {e.Message}");
        }
    }

    private protected abstract BackendOutput Execute(Problem problem, CaseInputs inputs, OneDnnRun run);

    /// <summary>The primitive descriptor of an operation with the case's scales, zero points and post-ops, counted.</summary>
    private protected DnnlPrimitiveDescHandle Describe(OneDnnRun run, DnnlOpDesc op, EpilogueMapping epilogue, int rank)
    {
        Interlocked.Increment(ref _primitiveDescs);
        return run.PrimitiveDesc(op, attr => epilogue.Set(attr, rank));
    }

    /// <summary>
    /// The destination memory: the sum post-op's prior value when the case has one (oneDNN reads it from there),
    /// else poisoned.
    /// </summary>
    private protected static DnnlMemoryHandle Destination(
        OneDnnRun run, CaseInputs inputs, DataLayout layout, long[] dims, int tag, DnnlMemoryDesc md) =>
        inputs.PostOps?.SumPrior is { } prior
            ? run.Upload(layout.Pack(prior.Data), dims, tag, prior.StorageType, md)
            : run.Poisoned(md);

    /// <summary>The arguments of a run: source, weights, destination, bias when given, and what the attributes ask for.</summary>
    private protected static (int, DnnlMemoryHandle)[] Arguments(
        OneDnnRun run, EpilogueMapping epilogue, int rank, DnnlMemoryHandle src, DnnlMemoryHandle weights, DnnlMemoryHandle dst,
        DnnlMemoryHandle? bias) =>
        [(DnnlArg.Src, src), (DnnlArg.Weights, weights), (DnnlArg.Dst, dst), .. bias is null ? [] : new[] { (DnnlArg.Bias, bias) },
            .. epilogue.Arguments(run, rank)];

    /// <summary>The bias as oneDNN adds it, in f32 (the type of the case's bias in every configuration but f16's).</summary>
    private protected static DnnlMemoryHandle? Bias(OneDnnRun run, CaseInputs inputs, EpilogueMapping epilogue, DnnlMemoryDesc? md) =>
        epilogue.Bias is { } bias ? run.Upload(bias, [bias.Length], DnnlTag.X, inputs.Bias!.StorageType, md!.Value) : null;

    /// <summary>The bias descriptor in the type the primitive computes it in; null without a bias.</summary>
    private protected static DnnlMemoryDesc? BiasMd(OneDnnRun run, CaseInputs inputs) =>
        inputs.Bias is { } b ? run.Md([b.Length], b.StorageType, DnnlTag.X) : null;

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

    /// <summary>The case's types and what its attributes hold, e.g. "u8s8u8, source zero point per channel, post-ops relu".</summary>
    private static string Attributes(DeconvCase c) =>
        string.Join(", ", new[]
        {
            c.Types.Name,
            c.SourceZeroPoint.IsNone ? null : c.SourceZeroPoint.PerChannel ? "source zero point per channel" : "common source zero point",
            c.DestinationZeroPoint == 0 ? null : "destination zero point",
            c.PerChannelWeightScales ? "output scales per channel" : null,
            c.PostOps.IsNone ? null : $"post-ops {c.PostOps.Text}",
        }.OfType<string>());

    private string Refusal(Problem problem, DnnlException e, bool f16)
    {
        var isa = Dnnl.EffectiveIsa();
        if (e.Call.StartsWith("dnnl_primitive_attr", StringComparison.Ordinal) || e.Call.StartsWith("dnnl_post_ops", StringComparison.Ordinal))
            return $"oneDNN {Dnnl.Version()} refuses the attributes of {Attributes(problem.Case)}: {e.Message}";
        if (e.Status == DnnlStatus.InvalidArguments)
            return $"oneDNN refuses this {Operation} ({Handed(problem)}): {e.Message}";
        if (f16)
        {
            return $"oneDNN {Dnnl.Version()} has no f16 {Operation} on the CPU (ISA {isa}): {e.Message}; " +
                $"{OneDnnOptions.F16AsF32Option.Flag} runs f16 cases in f32 between oneDNN reorders";
        }
        if (Options.Winograd)
            return $"oneDNN has no winograd {Operation} for this case on ISA {isa}: {e.Message}";
        return $"oneDNN {Dnnl.Version()} has no implementation of this {Operation} for {Attributes(problem.Case)} on ISA {isa} " +
            $"({Handed(problem)}): {e.Message}";
    }
}
