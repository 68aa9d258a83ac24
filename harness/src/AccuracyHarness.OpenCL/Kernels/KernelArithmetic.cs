using System.Globalization;
using System.Text;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>
/// The header's arithmetic macros (README "Your own kernels", header): each tensor's storage type and how it is
/// loaded and stored, the zero points and scales of a quantized case, the requantization of an integer destination,
/// bf16's round to nearest even, and the post-op chain. A case that is not plain f32 or f16 passes four more kernel
/// arguments after <c>params</c>, declared by <c>EPILOGUE_ARGS</c>: <c>scales</c> (s_src, s_dst, then s_wei: one or
/// one per output channel), <c>zero_points</c> (zp_dst, then zp_src: one or one per input channel), <c>prior</c>
/// (the destination's previous content, in its type and layout, for <c>sum</c>) and <c>operands</c> (the per-channel
/// operands of the <c>add-pc</c> post-ops, OC floats each, in chain order); the buffers a case does not use hold one
/// element.
/// </summary>
public static class KernelArithmetic
{
    /// <summary>The quantized kernel arguments after <c>params</c>, in this order.</summary>
    public const string EpilogueArgs =
        ", __global const float* scales, __global const int* zero_points, __global const DST_T* prior, __global const float* operands";

    /// <summary>Rounds an f32 to bf16, nearest with ties to even; NaN stays a quiet NaN.</summary>
    private const string Bf16Rne =
        "static inline ushort bf16_rne(float v)\n{\n    const uint u = as_uint(v);\n"
        + "    return isnan(v) ? (ushort)0x7FC0 : (ushort)((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);\n}";

    public static void Append(StringBuilder sb, KernelTypes types)
    {
        var t = types.Types;
        foreach (var type in Enum.GetValues<DataType>())
            sb.AppendLine(CultureInfo.InvariantCulture, $"#define DT_{Names.Of(type).ToUpperInvariant()} {(int)type}");
        Tensor(sb, "SRC", t.Source);
        Tensor(sb, "WEI", t.Weights);
        Tensor(sb, "DST", t.Destination);
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define STORE_SRC(ptr, idx, v) {Store(t.Source, "v")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define STORE_WEI(ptr, idx, v) {Store(t.Weights, "v")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define BIAS_T {CType(types.Bias)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define LOAD_BIAS(ptr, idx) {Load(types.Bias)}");
        if (new[] { t.Source, t.Weights, t.Destination }.Contains(DataType.BF16)) sb.AppendLine(Bf16Rne);
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define QUANTIZED {(t.IsQuantized ? 1 : 0)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define DST_INTEGER {(t.IntegerDestination ? 1 : 0)}");
        sb.AppendLine("#define EPILOGUE_ARGS" + (types.IsPlain ? "" : " " + EpilogueArgs));
        if (t.IsQuantized)
        {
            sb.AppendLine("#define SRC_SCALE (scales[0])");
            sb.AppendLine("#define DST_SCALE (scales[1])");
            sb.AppendLine(types.PerChannelWeightScales ? "#define WEI_SCALE(oc) (scales[2 + (oc)])" : "#define WEI_SCALE(oc) (scales[2])");
            sb.AppendLine("#define DST_ZP (zero_points[0])");
            sb.AppendLine(types.PerChannelZeroPoints ? "#define SRC_ZP(c) (zero_points[1 + (c)])" : "#define SRC_ZP(c) (zero_points[1])");
        }
        else
        {
            sb.AppendLine("#define SRC_ZP(c) 0");
        }
        AppendDestination(sb, t);
        AppendPostOps(sb, types.PostOps);
    }

    /// <summary><c>X_T</c>, <c>X_DT</c> and <c>LOAD_X(ptr, idx)</c>: an int for integer types, else a float.</summary>
    private static void Tensor(StringBuilder sb, string name, DataType type)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define {name}_T {CType(type)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define {name}_DT DT_{Names.Of(type).ToUpperInvariant()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define LOAD_{name}(ptr, idx) {Load(type)}");
    }

    /// <summary>
    /// <c>STORE_DST(ptr, idx, real)</c> stores a real value as the case's destination holds it: requantized
    /// (<c>QUANTIZE</c>: round half to even of real / s_dst, then the zero point, then saturation) for integers, rounded
    /// for the float types. <c>LOAD_DST_REAL</c> reads the destination's previous content as a real value (dequantized)
    /// for <c>sum</c>; <c>STORE_ZERO</c> writes a blocked layout's padding lanes.
    /// </summary>
    private static void AppendDestination(StringBuilder sb, CaseTypes t)
    {
        if (!t.IntegerDestination)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"#define STORE_DST(ptr, idx, real) {Store(t.Destination, "real")}");
            sb.AppendLine("#define STORE_ZERO(ptr, idx) STORE_DST(ptr, idx, 0.0f)");
            sb.AppendLine("#define LOAD_DST_REAL(ptr, idx) LOAD_DST(ptr, idx)");
            return;
        }
        var (min, max) = CaseTypes.IntegerRange(t.Destination);
        // The minimum of s32 as a literal overflows int; written as an expression it does not.
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define DST_MIN ({min + 1}L - 1)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define DST_MAX {max}L");
        sb.AppendLine("#define QUANTIZE(v) ((DST_T)clamp(convert_long_sat_rte((v) / DST_SCALE) + DST_ZP, DST_MIN, DST_MAX))");
        sb.AppendLine("#define STORE_DST(ptr, idx, real) ((ptr)[(idx)] = QUANTIZE(real))");
        sb.AppendLine("#define STORE_ZERO(ptr, idx) ((ptr)[(idx)] = (DST_T)0)");
        sb.AppendLine("#define LOAD_DST_REAL(ptr, idx) ((float)(LOAD_DST(ptr, idx) - DST_ZP) * DST_SCALE)");
    }

    /// <summary>
    /// <c>POST_OPS</c> (their number), <c>POST_OP_k(v, oc, flat)</c> (the k-th, updating the float lvalue v) and
    /// <c>APPLY_POST_OPS(v, oc, flat)</c>, every one in order; constants are the case's f32 values.
    /// </summary>
    private static void AppendPostOps(StringBuilder sb, PostOps ops)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define POST_OPS {ops.Count}");
        var operand = 0;
        for (var k = 0; k < ops.Count; k++)
        {
            var op = ops[k];
            var body = op.Kind switch
            {
                PostOpKind.Relu => "(v) = fmax((v), 0.0f)",
                PostOpKind.Leaky => $"(v) = (v) >= 0.0f ? (v) : {Float(op.A)} * (v)",
                PostOpKind.Clip => $"(v) = fmin(fmax((v), {Float(op.A)}), {Float(op.B)})",
                PostOpKind.Sum => $"(v) += {Float(op.A)} * LOAD_DST_REAL(prior, (flat))",
                PostOpKind.AddPerChannel => $"(v) += operands[{operand++} * OC + (oc)]",
                _ => throw new ArgumentOutOfRangeException(nameof(ops), op.Kind, "unknown post-op"),
            };
            sb.AppendLine(CultureInfo.InvariantCulture, $"#define POST_OP_{k}(v, oc, flat) {body}  /* {op.Text} */");
        }
        var chain = string.Concat(Enumerable.Range(0, ops.Count).Select(k => $" POST_OP_{k}(v, oc, flat);"));
        sb.AppendLine($"#define APPLY_POST_OPS(v, oc, flat) do {{{chain} }} while (0)");
    }

    private static string CType(DataType type) => type switch
    {
        DataType.F32 => "float",
        DataType.F16 => "half",
        DataType.BF16 => "ushort",
        DataType.U8 => "uchar",
        DataType.S8 => "char",
        DataType.S32 => "int",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string Load(DataType type) => type switch
    {
        DataType.F32 => "((float)(ptr)[(idx)])",
        // half is usable as a pointee without cl_khr_fp16; vload_half/vstore_half are core OpenCL.
        DataType.F16 => "vload_half((size_t)(idx), (ptr))",
        DataType.BF16 => "as_float((uint)(ptr)[(idx)] << 16)",
        _ => "((int)(ptr)[(idx)])",
    };

    /// <summary>Stores the macro parameter <paramref name="value"/>, rounded to a float type (integers are cast).</summary>
    private static string Store(DataType type, string value) => type switch
    {
        DataType.F32 => $"((ptr)[(idx)] = (float)({value}))",
        DataType.F16 => $"vstore_half_rte((float)({value}), (size_t)(idx), (ptr))",
        DataType.BF16 => $"((ptr)[(idx)] = bf16_rne((float)({value})))",
        _ => $"((ptr)[(idx)] = ({CType(type)})({value}))",
    };

    /// <summary>An f32 constant as an OpenCL literal that reads back to the same value.</summary>
    private static string Float(float v)
    {
        var text = v.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.') && !text.Contains('E')) text += ".0";
        return $"({text}f)";
    }
}
