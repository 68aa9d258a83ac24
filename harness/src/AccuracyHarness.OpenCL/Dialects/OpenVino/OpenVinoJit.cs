using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Dialects.OpenVino;

/// <summary>
/// <c>"dialect": "openvino"</c>: the JIT constants OpenVINO's GPU kernel selector generates for a
/// static deconvolution without fused operations, written from its sources' facts (kernel_base's
/// entry-point macros, <c>MakeBaseParamsJitConstants</c>, jitter.cpp's tensor and type constants,
/// <c>WeightBiasKernelBase</c> and <c>DeconvolutionKernelBase::GetJitConstants</c>), and the
/// argument order and default NDRange of its reference deconvolution kernel; likewise for the
/// rewrite's stages: the weights reorder (reorder_weights) and the convolution (convolution_gpu_ref). The helpers those
/// constants expand to (<c>GET_DATA_INDEX</c>, <c>CAT</c>, ...) come from the kernel's own
/// includes, <c>include/batch_headers/fetch_data.cl</c> of the user's OpenVINO checkout.
/// </summary>
public static class OpenVinoJit
{
    /// <summary>The reference kernel's local size along x when it orders its range x, y, batch*feature.</summary>
    private const int XybfLocal = 32;

    /// <summary>
    /// The header for one case. <paramref name="referenceDispatch"/> adds <c>DIM_ORDER_XYBF</c>,
    /// which goes with <see cref="ReferenceRange"/> (a manifest that sets its own range defines it itself).
    /// </summary>
    public static string Deconvolution(
        Problem p, DataType type, WeightsOrder weights, string entry, bool fp16Supported, bool referenceDispatch)
    {
        var axes = p.Axes3D();
        var jit = WeightBias(p, DataLayout.ForInput(p), type, weights, entry, fp16Supported,
            [.. axes.Select(a => (long)a.Stride)], [.. axes.Select(a => (long)a.PadBegin)], [.. axes.Select(a => (long)a.Dilation)]);
        if (referenceDispatch && UsesXybfOrder(p)) jit.Add("DIM_ORDER_XYBF", 1);
        return Render(jit, type, OpenVinoDataTensor.Of(DataLayout.ForOutput(p)).LayoutName);
    }

    /// <summary>
    /// The header of the rewrite's convolution (role <c>conv</c>), as the convolution kernel selector
    /// describes it (ConvolutionKernelBase and ConvolutionKernel_Ref::GetJitConstants): INPUT0 the
    /// convolution's input, FILTER the reordered weights (OIYX, GOIYX with groups, already flipped),
    /// stride, dilation and the begin pads <paramref name="padsBegin"/> (z, y, x) of the plan as the
    /// caller converted them, <c>SKIP_BATCH</c> for batch 1 and the <c>_TYPED</c> (empty) activation.
    /// </summary>
    public static string Convolution(Problem p, ConvPlan plan, DataType type, string entry, bool fp16Supported, long[] padsBegin)
    {
        var conv = plan.Conv;
        var input = new DataLayout(p.Case.Layout, conv.Batch, conv.InChannels, conv.Input);
        var jit = WeightBias(p, input, type, WeightsOrder.Oiyx, entry, fp16Supported,
            Zyx(conv.Strides, 1), padsBegin, Zyx(conv.Dilations, 1));
        if (p.Case.Batch == 1) jit.Add("SKIP_BATCH", 1);
        AddNoActivation(jit, type, "_TYPED");
        return Render(jit, type, OpenVinoDataTensor.Of(DataLayout.ForOutput(p)).LayoutName);
    }

    /// <summary>convolution_gpu_ref's range (ConvolutionKernel_Ref::SetDefault): x by y*z by features*batch.</summary>
    public static long[] ConvolutionRange(Problem p)
    {
        var output = DataLayout.ForOutput(p);
        return [output.X, (long)output.Y * output.Z, (long)output.Channels * output.Batch];
    }

    /// <summary>
    /// The reference kernel's range (deconvolution_kernel_ref SetDefault): with batch*features at most
    /// 16, x aligned to 32 by y*z by batch*features in groups of 32 along x; otherwise the family's
    /// default (DeconvolutionKernelBase::SetDefault), batch*features by x by y*z, with the largest
    /// divisor of batch*features up to 32 as the local size.
    /// </summary>
    public static (long[] Global, long[] Local) ReferenceRange(Problem p)
    {
        var output = DataLayout.ForOutput(p);
        long bf = (long)output.Batch * output.Channels;
        if (UsesXybfOrder(p))
            return ([(output.X + XybfLocal - 1) / XybfLocal * XybfLocal, (long)output.Y * output.Z, bf], [XybfLocal, 1, 1]);
        var local = Math.Min(bf, 32);
        while (bf % local != 0) local--;
        return ([bf, output.X, (long)output.Y * output.Z], [local, 1, 1]);
    }

    /// <summary>
    /// The header of a weights reorder in the rewrite (role <c>weights_reorder</c>): INPUT0 is the
    /// deconvolution's filter as OpenVINO holds it (OIYX, GOIYX with groups, channels already swapped
    /// by the permute made when the operation is created), OUTPUT the convolution's weights in the same
    /// layout, and <c>REORDER_ROTATE</c> 1, the rotate-180 flag pre_replace_deconv sets.
    /// </summary>
    public static string WeightsReorder(Problem p, DataType type, string entry, bool fp16Supported)
    {
        var jit = EntryPoint(entry)
            .Add("FP16_SUPPORTED", fp16Supported ? 1 : 0)
            .Add("FP16_UNIT_USED", type == DataType.F16 ? 1 : 0);
        new OpenVinoFilterTensor(p, WeightsOrder.Oiyx).Add(jit, "INPUT0", type);
        new OpenVinoFilterTensor(p, WeightsOrder.Oiyx).Add(jit, "OUTPUT", type);
        OpenVinoTypes.Add(jit, "UNIT", type);
        jit.Add("SUB_GROUP_SIZE", 1).Add("REORDER_ROTATE", 1);
        return Render(jit, type, "weights reorder");
    }

    /// <summary>reorder_weights' range: groups*output features by input features by the taps; the driver picks the local size.</summary>
    public static long[] WeightsReorderRange(Problem p) =>
        [(long)p.Case.OutChannels, p.Cg, p.Case.Kernel.Product()];

    private static JitDefinitions EntryPoint(string entry) => new JitDefinitions()
        .Add("KERNEL(name)", $"__kernel void {entry}")
        .Add("KERNEL_ID", entry)
        .Add("FUNC(name)", $"_##name##_{entry}")
        .Add("FUNC_CALL(name)", $"_##name##_{entry}");

    /// <summary>
    /// What every weights-and-bias kernel of the selector gets (kernel_base's entry point and
    /// MakeBaseParamsJitConstants, WeightBiasKernelBase, and the convolution and deconvolution bases'
    /// shared constants): the unit types, no activation, INPUT0 and OUTPUT, FILTER, the bias,
    /// stride, pads and dilation (each as z, y, x), and accumulation in the output's type.
    /// </summary>
    private static JitDefinitions WeightBias(
        Problem p, DataLayout input, DataType type, WeightsOrder weights, string entry, bool fp16Supported,
        long[] strides, long[] padsBegin, long[] dilations)
    {
        var jit = EntryPoint(entry)
            .Add("OPTIONAL_SHAPE_INFO_ARG", "")
            .Add("OPTIONAL_SHAPE_INFO_TENSOR", "")
            .Add("FP64_SUPPORTED", 0)
            .Add("FP16_SUPPORTED", fp16Supported ? 1 : 0)
            .Add("FP16_UNIT_USED", type == DataType.F16 ? 1 : 0)
            .Add("INT8_UNIT_USED", 0)
            .Add("INT32_UNIT_USED", 0)
            .Add("INT64_UNIT_USED", 0)
            .Add("UINT8_UNIT_USED", 0)
            .Add("UINT32_UNIT_USED", 0);
        OpenVinoTypes.Add(jit, "UNIT", type);
        AddNoActivation(jit, type, "");

        OpenVinoDataTensor.Of(input).Add(jit, "INPUT0", type);
        OpenVinoDataTensor.Of(DataLayout.ForOutput(p)).Add(jit, "OUTPUT", type);
        new OpenVinoFilterTensor(p, weights).Add(jit, "FILTER", type);
        jit.Add("BIAS_TERM", p.Case.HasBias ? 1 : 0);
        if (p.Case.HasBias)
        {
            new OpenVinoDataTensor(LayoutFamily.Nchw, false, 1, p.Case.OutChannels, 1, 1, 1).Add(jit, "BIAS", type);
            jit.Add("BIAS_PER_OUTPUT", 0).Add("BIAS_PER_OFM", 1);
        }

        foreach (var (name, zyx) in new[] { ("STRIDE", strides), ("PADDING", padsBegin), ("DILATION", dilations) })
            jit.Add($"{name}_SIZE_X", zyx[2]).Add($"{name}_SIZE_Y", zyx[1]).Add($"{name}_SIZE_Z", zyx[0]);
        jit.Add("FILTER_ARRAY_NUM", 1)
            .Add("INPUT0_OFFSET_WITH_PADDING", 0)
            .Add("GROUPED", p.Case.Groups > 1 ? 1 : 0);
        // The selector accumulates in the output's type: half for f16 (the bases' GetAccumulatorType).
        OpenVinoTypes.Add(jit, "ACCUMULATOR", type);
        OpenVinoTypes.Add(jit, "ACTIVATION", type);
        return jit;
    }

    private static string Render(JitDefinitions jit, DataType type, string what) =>
        $"/* AccuracyHarness: OpenVINO dialect JIT constants, {Names.Of(type)}, {what} */\n"
        + (type == DataType.F16 ? "#pragma OPENCL EXTENSION cl_khr_fp16 : enable\n" : "")
        + jit.Render();

    /// <summary>A geometry list as (z, y, x), unit axes in front for lower ranks.</summary>
    private static long[] Zyx(Dims values, int unit) =>
        [.. Enumerable.Repeat((long)unit, 3 - values.Count).Concat(values.Select(v => (long)v))];

    private static bool UsesXybfOrder(Problem p) => (long)p.Case.OutChannels * p.Case.Batch <= 16;

    /// <summary>
    /// No activation (MakeActivationJitConstants with none, for a name suffix such as "_TYPED"):
    /// ACTIVATION(x, ACTIVATION_PARAMS) is x.
    /// </summary>
    private static void AddNoActivation(JitDefinitions jit, DataType type, string suffix)
    {
        jit.Add($"NL_M{suffix}", "0.0f").Add($"NL_N{suffix}", "0.0f");
        OpenVinoTypes.Add(jit, $"ACTIVATION_FUNC{suffix}", type);
        jit.Add($"ACTIVATION_PARAMS{suffix}", $"NL_M{suffix}, NL_N{suffix}")
            .Add($"ACTIVATION_FUNC{suffix}(input, m, n)", "input")
            .Add($"ACTIVATION{suffix}(input, params)", $"ACTIVATION_FUNC{suffix}(input, params)");
    }
}
