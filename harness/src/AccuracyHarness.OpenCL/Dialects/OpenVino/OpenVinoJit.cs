using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Dialects.OpenVino;

/// <summary>
/// <c>"dialect": "openvino"</c>: the JIT constants OpenVINO's GPU kernel selector generates for a
/// static deconvolution without fused operations, written from its sources' facts (kernel_base's
/// entry-point macros, <c>MakeBaseParamsJitConstants</c>, jitter.cpp's tensor and type constants,
/// <c>WeightBiasKernelBase</c> and <c>DeconvolutionKernelBase::GetJitConstants</c>), and the
/// argument order and default NDRange of its reference deconvolution kernel. The helpers those
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
        var jit = EntryPoint(entry)
            .Add("FP64_SUPPORTED", 0)
            .Add("FP16_SUPPORTED", fp16Supported ? 1 : 0)
            .Add("FP16_UNIT_USED", type == DataType.F16 ? 1 : 0)
            .Add("INT8_UNIT_USED", 0)
            .Add("INT32_UNIT_USED", 0)
            .Add("INT64_UNIT_USED", 0)
            .Add("UINT8_UNIT_USED", 0)
            .Add("UINT32_UNIT_USED", 0);
        OpenVinoTypes.Add(jit, "UNIT", type);
        AddNoActivation(jit, type);

        OpenVinoDataTensor.Of(DataLayout.ForInput(p)).Add(jit, "INPUT0", type);
        OpenVinoDataTensor.Of(DataLayout.ForOutput(p)).Add(jit, "OUTPUT", type);
        new OpenVinoFilterTensor(p, weights).Add(jit, "FILTER", type);
        jit.Add("BIAS_TERM", p.Case.HasBias ? 1 : 0);
        if (p.Case.HasBias)
            new OpenVinoDataTensor(LayoutFamily.Nchw, false, 1, p.Case.OutChannels, 1, 1, 1).Add(jit, "BIAS", type);

        var axes = p.Axes3D();
        var perAxis = new (string, Func<Axis, int>)[]
        {
            ("STRIDE", a => a.Stride), ("PADDING", a => a.PadBegin), ("DILATION", a => a.Dilation),
        };
        foreach (var (name, value) in perAxis)
            jit.Add($"{name}_SIZE_X", value(axes[2])).Add($"{name}_SIZE_Y", value(axes[1])).Add($"{name}_SIZE_Z", value(axes[0]));
        jit.Add("FILTER_ARRAY_NUM", 1)
            .Add("INPUT0_OFFSET_WITH_PADDING", 0)
            .Add("GROUPED", p.Case.Groups > 1 ? 1 : 0);
        // The selector accumulates in the output's type: half for f16 (DeconvolutionKernelBase::GetAccumulatorType).
        OpenVinoTypes.Add(jit, "ACCUMULATOR", type);
        OpenVinoTypes.Add(jit, "ACTIVATION", type);
        if (referenceDispatch && UsesXybfOrder(p)) jit.Add("DIM_ORDER_XYBF", 1);

        var layout = OpenVinoDataTensor.Of(DataLayout.ForOutput(p)).LayoutName;
        return $"/* AccuracyHarness: OpenVINO dialect JIT constants, {Names.Of(type)}, {layout} */\n"
            + Pragma(type) + jit.Render();
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
        return $"/* AccuracyHarness: OpenVINO dialect JIT constants, weights reorder, {Names.Of(type)} */\n" + Pragma(type) + jit.Render();
    }

    /// <summary>reorder_weights' range: groups*output features by input features by the taps; the driver picks the local size.</summary>
    public static long[] WeightsReorderRange(Problem p) =>
        [(long)p.Case.OutChannels, p.Cg, p.Case.Kernel.Product()];

    private static JitDefinitions EntryPoint(string entry) => new JitDefinitions()
        .Add("KERNEL(name)", $"__kernel void {entry}")
        .Add("KERNEL_ID", entry)
        .Add("FUNC(name)", $"_##name##_{entry}")
        .Add("FUNC_CALL(name)", $"_##name##_{entry}");

    private static string Pragma(DataType type) => type == DataType.F16 ? "#pragma OPENCL EXTENSION cl_khr_fp16 : enable\n" : "";

    private static bool UsesXybfOrder(Problem p) => (long)p.Case.OutChannels * p.Case.Batch <= 16;

    /// <summary>No activation (MakeActivationJitConstants with none): ACTIVATION(x, ACTIVATION_PARAMS) is x.</summary>
    private static void AddNoActivation(JitDefinitions jit, DataType type)
    {
        jit.Add("NL_M", "0.0f").Add("NL_N", "0.0f");
        OpenVinoTypes.Add(jit, "ACTIVATION_FUNC", type);
        jit.Add("ACTIVATION_PARAMS", "NL_M, NL_N")
            .Add("ACTIVATION_FUNC(input, m, n)", "input")
            .Add("ACTIVATION(input, params)", "ACTIVATION_FUNC(input, params)");
    }
}
