using System.Collections.Immutable;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// <c>onednn-replaced</c>: the rewrite of docs/ARCHITECTURE.md section 4 with oneDNN's convolution forward as
/// its convolution stage. The replacement rule decides applicability and pads as for
/// <c>opencl-replaced</c>; the project's own transforms make the stages <c>zero_insert</c> (stride
/// > 1 with zero insertion) and <c>weights_reorder</c> (IOYX to OIYX, flipped), which the white-box
/// check judges; oneDNN then reorders the OIYX weights to its format and convolves. Negative pads
/// go to oneDNN as they are; where it refuses them, it convolves with those pads at 0 and a oneDNN
/// reorder crops the output window.
/// </summary>
public sealed class OneDnnReplacedBackend : OneDnnBackend
{
    public const string Id = "onednn-replaced";

    private readonly Func<Problem, Tensor, Tensor> _reorder;

    public OneDnnReplacedBackend(OneDnnOptions options)
        : this(options, DeconvAsConvolution.ReorderWeights, EpilogueMapping.Of)
    {
    }

    /// <param name="reorder">The weights_reorder stage; only mutants change it.</param>
    /// <param name="epilogue">How scales, zero points, bias and post-ops are handed to oneDNN; only mutants change it.</param>
    internal OneDnnReplacedBackend(
        OneDnnOptions options, Func<Problem, Tensor, Tensor> reorder, Func<Problem, CaseInputs, EpilogueMapping> epilogue)
        : base(Id, options, epilogue) => _reorder = reorder;

    public override string ReproArguments => Options.ReplacedRepro;

    private protected override string Operation => "convolution";

    private protected override string Handed(Problem problem) =>
        Options.Rule.Decide(problem, Options.ZeroInsertion).Plan is { } plan
            ? $"rule {Options.Rule.Name}: dilates {plan.Conv.Dilations.Map((d, _) => d - 1)}, " +
                $"padding_l {plan.Conv.PadsBegin}, padding_r {plan.PadsEnd}"
            : $"rule {Options.Rule.Name}";

    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs, OneDnnRun run)
    {
        var decision = Options.Rule.Decide(problem, Options.ZeroInsertion);
        if (decision.Plan is not { } plan) return new BackendOutput.NotApplicable(decision.NotApplicable!);
        var c = problem.Case;
        var conv = plan.Conv;
        var epilogue = Epilogue(problem, inputs);
        var stages = ImmutableArray.CreateBuilder<StageOutput>();
        var input = inputs.Input;
        if (plan.ZeroInsertStrides is not null)
        {
            input = DeconvAsConvolution.ZeroInsert(problem, input, inputs.Quantization);
            stages.Add(new StageOutput("zero_insert", input));
        }
        var reordered = _reorder(problem, inputs.Weights);
        stages.Add(new StageOutput(StageChecks.WeightsReorder, reordered));

        var tag = OneDnnLayouts.Activations(c.Layout, problem.Rank);
        var srcDims = OneDnnLayouts.ActivationDims(c.Batch, c.InChannels, conv.Input);
        var weightsDims = OneDnnLayouts.WeightsDims(c.Groups, c.OutChannels, c.InChannels, c.Kernel);
        var srcMd = run.Md(srcDims, c.Types.Source, tag);
        var biasMd = BiasMd(run, inputs);
        var padsL = OneDnnLayouts.PerAxis(conv.PadsBegin);
        var padsR = OneDnnLayouts.PerAxis(plan.PadsEnd);

        // Cropping: the negative pads raised to 0 widen the output by as much, and the window starts after the begin part.
        (DnnlPrimitiveDescHandle Pd, DnnlMemoryDesc Dst, long[]? CropBegin) Convolution(bool crop)
        {
            long[] Clamp(long[] pads) => crop ? pads.Select(p => Math.Max(0, p)).ToArray() : pads;
            var (left, right) = (Clamp(padsL), Clamp(padsR));
            var output = conv.Output.Select((o, a) => (int)(o + (left[a] - padsL[a]) + (right[a] - padsR[a])));
            var dstMd = run.Md(OneDnnLayouts.ActivationDims(c.Batch, c.OutChannels, Dims.From(output)), c.Types.Destination, tag);
            var op = Dnnl.ConvolutionForward(
                Options.Winograd ? Dnnl.ConvolutionWinograd : Dnnl.ConvolutionDirect,
                srcMd, run.Md(weightsDims, c.Types.Weights, DnnlTag.Any), biasMd, dstMd,
                OneDnnLayouts.PerAxis(conv.Strides), OneDnnLayouts.PerAxis(conv.Dilations.Select(d => d - 1)), left, right);
            return (Describe(run, op, epilogue, problem.Rank), dstMd, crop ? left.Select((p, a) => p - padsL[a]).ToArray() : null);
        }

        (DnnlPrimitiveDescHandle Pd, DnnlMemoryDesc Dst, long[]? CropBegin) chosen;
        try
        {
            chosen = Convolution(crop: false);
        }
        catch (DnnlException e) when (e.IsRefusal && padsL.Concat(padsR).Any(p => p < 0))
        {
            chosen = Convolution(crop: true);
        }
        var (pd, dstMd, cropBegin) = chosen;
        var impl = Dnnl.ImplInfo(pd);
        if (TooSlow(impl, conv.MultiplyAdds) is { } slow) return slow;

        if (cropBegin is not null && inputs.PostOps?.SumPrior is not null)
        {
            return new BackendOutput.NotApplicable(
                $"oneDNN refused the negative pads ({Handed(problem)}), and the sum post-op's prior value does not fit the wider output it convolves instead");
        }
        var src = run.Upload(new DataLayout(c.Layout, c.Batch, c.InChannels, conv.Input).Pack(input.Data), srcDims, tag, c.Types.Source, srcMd);
        var weightsTag = OneDnnLayouts.ConvolutionWeights(problem.Rank, c.Groups > 1);
        var weights = run.Upload(reordered.Data, weightsDims, weightsTag, c.Types.Weights, Dnnl.QueryMd(pd, Dnnl.QueryWeightsMd));
        var dstDims = OneDnnLayouts.ActivationDims(c.Batch, c.OutChannels, problem.Output);
        var dst = Destination(run, inputs, DataLayout.ForOutput(problem), dstDims, tag, dstMd);
        run.Execute(pd, Arguments(run, epilogue, problem.Rank, src, weights, dst, Bias(run, inputs, epilogue, biasMd)));

        var (tensor, nonZeroLanes) = run.Download(dst, dstMd, DataLayout.ForOutput(problem), tag, cropBegin, c.Types.Destination);
        var pads = cropBegin is null ? "" : "; oneDNN refused the negative pads: convolved with them at 0 and cropped by a oneDNN reorder";
        var note = $"rule {Options.Rule.Name}; oneDNN {impl}, {OneDnnLayouts.ActivationsName(c.Layout, problem.Rank)}{pads}"
            + OneDnnDeconvolutionBackend.ComputeNote(run, c);
        return new BackendOutput.Produced(tensor, stages.ToImmutable(), [], nonZeroLanes, note) { Impl = impl };
    }
}
