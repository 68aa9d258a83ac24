using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OneDnn.Interop;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// <c>onednn</c>: oneDNN's own deconvolution forward (dnnl_dilated_deconvolution_forward_desc_init).
/// Activations go in the case's layout; weights go in plain ONNX order and oneDNN reorders them to
/// the format its implementation asks for, a reorder that is part of what is tested. Mapping:
/// dilation d-1, padding_l = pads_begin, padding_r = pads_end - output_padding.
/// </summary>
public sealed class OneDnnDeconvolutionBackend : OneDnnBackend
{
    public const string Id = "onednn";

    private readonly Func<Problem, DeconvMapping> _mapping;

    public OneDnnDeconvolutionBackend(OneDnnOptions options)
        : this(options, DeconvMapping.Of, EpilogueMapping.Of)
    {
    }

    /// <param name="mapping">How the geometry is handed to oneDNN; only mutants change it.</param>
    /// <param name="epilogue">How scales, zero points, bias and post-ops are handed to oneDNN; only mutants change it.</param>
    internal OneDnnDeconvolutionBackend(
        OneDnnOptions options, Func<Problem, DeconvMapping> mapping, Func<Problem, CaseInputs, EpilogueMapping> epilogue)
        : base(Id, options, epilogue) => _mapping = mapping;

    public override string ReproArguments => Options.DeconvolutionRepro;

    private protected override string Operation => "deconvolution";

    private protected override string Handed(Problem problem)
    {
        var c = problem.Case;
        var padsR = string.Join("x", _mapping(problem).PaddingR);
        return $"strides {c.Strides}, dilates {c.Dilations.Map((d, _) => d - 1)}, padding_l {problem.PadsBegin}, " +
            $"padding_r = pads_end - output_padding = {padsR}; oneDNN accepts padding_l >= 0 and padding_r >= -(stride-1)";
    }

    private protected override BackendOutput Execute(Problem problem, CaseInputs inputs, OneDnnRun run)
    {
        var c = problem.Case;
        var rank = problem.Rank;
        var mapping = _mapping(problem);
        var epilogue = Epilogue(problem, inputs);
        var tag = OneDnnLayouts.Activations(c.Layout, rank);
        var srcDims = OneDnnLayouts.ActivationDims(c.Batch, c.InChannels, c.Input);
        var dstDims = OneDnnLayouts.ActivationDims(c.Batch, c.OutChannels, mapping.Output);
        var weightsDims = OneDnnLayouts.WeightsDims(c.Groups, c.OutChannels, c.InChannels, c.Kernel);
        var srcMd = run.Md(srcDims, c.Types.Source, tag);
        var dstMd = run.Md(dstDims, c.Types.Destination, tag);
        var biasMd = BiasMd(run, inputs);

        var op = Dnnl.DeconvolutionForward(
            Options.Winograd ? Dnnl.DeconvolutionWinograd : Dnnl.DeconvolutionDirect,
            srcMd, run.Md(weightsDims, c.Types.Weights, DnnlTag.Any), biasMd, dstMd,
            OneDnnLayouts.PerAxis(c.Strides), OneDnnLayouts.PerAxis(c.Dilations.Select(d => d - 1)),
            OneDnnLayouts.PerAxis(problem.PadsBegin), mapping.PaddingR);
        var pd = Describe(run, op, epilogue, rank);
        var impl = Dnnl.ImplInfo(pd);
        if (TooSlow(impl, problem.MultiplyAdds()) is { } slow) return slow;

        var written = new DataLayout(c.Layout, c.Batch, c.OutChannels, mapping.Output);
        if (inputs.PostOps?.SumPrior is not null && !mapping.Output.Equals(problem.Output))
            return new BackendOutput.NotApplicable($"the sum post-op's prior value does not fit the output oneDNN is asked for ({Handed(problem)})");
        var src = run.Upload(DataLayout.ForInput(problem).Pack(inputs.Input.Data), srcDims, tag, c.Types.Source, srcMd);
        var weightsTag = OneDnnLayouts.DeconvolutionWeights(rank, c.Groups > 1);
        var weightsMd = Dnnl.QueryMd(pd, Dnnl.QueryWeightsMd);
        var weights = run.Upload(inputs.Weights.Data, weightsDims, weightsTag, c.Types.Weights, weightsMd);
        var dst = Destination(run, inputs, written, dstDims, tag, dstMd);
        run.Execute(pd, Arguments(run, epilogue, rank, src, weights, dst, Bias(run, inputs, epilogue, biasMd)));

        var (tensor, nonZeroLanes) = run.Download(dst, dstMd, written, tag, null, c.Types.Destination);
        var output = mapping.Output.Equals(problem.Output) ? tensor : Placed(problem, tensor);
        var reordered = Dnnl.Equal(weightsMd, run.Md(weightsDims, c.Types.Weights, weightsTag))
            ? "used as given"
            : "reordered by oneDNN to its format";
        var note = $"oneDNN {impl}, {OneDnnLayouts.ActivationsName(c.Layout, rank)}, weights {reordered}" + ComputeNote(run, c);
        var defect = OneDnnZeroPointPadding.KnownDefect(impl, mapping, epilogue);
        return new BackendOutput.Produced(output, [], [], nonZeroLanes, note)
        {
            Impl = impl,
            KnownIssues = defect is null ? [] : [new KnownIssue(KnownIssueKind.Defect, defect)],
        };
    }

    /// <summary>An output smaller than the case's at the front of it, the rest NaN (not written).</summary>
    private static Tensor Placed(Problem p, Tensor written)
    {
        var data = new float[p.OutputShape.Product()];
        Array.Fill(data, float.NaN);
        for (var i = 0; i < written.Length; i++) data[Flat(p.OutputShape, Tensor.Coordinates(written.Shape, i))] = written.Data[i];
        return new Tensor(p.OutputShape, data, written.StorageType);
    }

    private static long Flat(Dims shape, int[] at)
    {
        long flat = 0;
        for (var i = 0; i < at.Length; i++) flat = (flat * shape[i]) + at[i];
        return flat;
    }

    internal static string ComputeNote(OneDnnRun run, DeconvCase c) =>
        run.Converts(c.Types.Destination) ? "; f16 storage computed in f32 between oneDNN reorders" : "";
}
