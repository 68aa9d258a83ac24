using System.Globalization;
using System.Text;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>
/// The header the harness prepends to every kernel (docs/ARCHITECTURE.md section 9.3): storage and
/// accumulation types, LOAD/STORE, the problem macros and the index macros of a layout.
/// Without <c>constants</c> the problem macros read the kernel's <c>params</c> argument, so one
/// build serves every shape; with them they are literals, as a production plugin would JIT them.
/// Index arithmetic is 64-bit: a blocked layout's padding lanes can push offsets past 2^31.
/// The arithmetic macros (<see cref="KernelArithmetic"/>) come last; for a plain f32 or f16 case everything before
/// them is the original contract's header, unchanged.
/// </summary>
public static class KernelHeader
{
    public static string Generate(KernelTypes types, LayoutFamily layout, KernelParams? constants)
    {
        var sb = new StringBuilder();
        var mode = constants is null ? "problem macros read params" : "problem macros baked in";
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"/* AccuracyHarness kernel header: {types.Describe()}, {Names.Of(layout)} layout, {mode}. */");
        AppendTypes(sb, types);
        AppendProblem(sb, constants);
        AppendLayout(sb, layout);
        AppendWeights(sb);
        KernelArithmetic.Append(sb, types);
        return sb.ToString();
    }

    /// <summary>The original contract's one storage type (f32, f16 cases) or the accumulator alone (the others).</summary>
    private static void AppendTypes(StringBuilder sb, KernelTypes types)
    {
        sb.AppendLine(types.Types.IsQuantized ? "#define ACC_T int" : "#define ACC_T float");
        var single = types.Types.Single;
        if (single is not (DataType.F32 or DataType.F16)) return;
        if (single == DataType.F32)
        {
            sb.AppendLine("#define DATA_T float");
            sb.AppendLine("#define LOAD(ptr, idx) ((ACC_T)(ptr)[(idx)])");
            sb.AppendLine("#define STORE(ptr, idx, value) ((ptr)[(idx)] = (DATA_T)(value))");
        }
        else
        {
            // half is usable as a pointee without cl_khr_fp16; vload_half/vstore_half are core OpenCL.
            sb.AppendLine("#define DATA_T half");
            sb.AppendLine("#define LOAD(ptr, idx) vload_half((size_t)(idx), (ptr))");
            sb.AppendLine("#define STORE(ptr, idx, value) vstore_half_rte((ACC_T)(value), (size_t)(idx), (ptr))");
        }
    }

    private static void AppendProblem(StringBuilder sb, KernelParams? constants)
    {
        for (var i = 0; i < KernelParams.Names.Length; i++)
        {
            var value = constants is null
                ? string.Create(CultureInfo.InvariantCulture, $"(params[{i}])")
                : constants.Values[i].ToString(CultureInfo.InvariantCulture);
            sb.AppendLine(CultureInfo.InvariantCulture, $"#define {KernelParams.Names[i]} {value}");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"#define BLOCK {DataLayout.BlockSize}");
        sb.AppendLine("#define IC_BLOCKS ((IC + BLOCK - 1) / BLOCK)");
        sb.AppendLine("#define OC_BLOCKS ((OC + BLOCK - 1) / BLOCK)");
    }

    private static void AppendLayout(StringBuilder sb, LayoutFamily layout)
    {
        switch (layout)
        {
            case LayoutFamily.Nchw:
                sb.AppendLine("#define IN_IDX(n, c, z, y, x) (((((long)(n) * IC + (c)) * ID + (z)) * IH + (y)) * IW + (x))");
                sb.AppendLine("#define OUT_IDX(n, c, z, y, x) (((((long)(n) * OC + (c)) * OD + (z)) * OH + (y)) * OW + (x))");
                sb.AppendLine("#define OUT_DECODE(flat, n, c, z, y, x) do { long r_ = (flat); " +
                    "x = (int)(r_ % OW); r_ /= OW; y = (int)(r_ % OH); r_ /= OH; z = (int)(r_ % OD); r_ /= OD; " +
                    "c = (int)(r_ % OC); n = (int)(r_ / OC); } while (0)");
                break;
            case LayoutFamily.Nhwc:
                sb.AppendLine("#define IN_IDX(n, c, z, y, x) (((((long)(n) * ID + (z)) * IH + (y)) * IW + (x)) * IC + (c))");
                sb.AppendLine("#define OUT_IDX(n, c, z, y, x) (((((long)(n) * OD + (z)) * OH + (y)) * OW + (x)) * OC + (c))");
                sb.AppendLine("#define OUT_DECODE(flat, n, c, z, y, x) do { long r_ = (flat); " +
                    "c = (int)(r_ % OC); r_ /= OC; x = (int)(r_ % OW); r_ /= OW; y = (int)(r_ % OH); r_ /= OH; " +
                    "z = (int)(r_ % OD); n = (int)(r_ / OD); } while (0)");
                break;
            case LayoutFamily.Blocked16:
                sb.AppendLine("#define IN_IDX(n, c, z, y, x) "
                    + "((((((long)(n) * IC_BLOCKS + (c) / BLOCK) * ID + (z)) * IH + (y)) * IW + (x)) * BLOCK + (c) % BLOCK)");
                sb.AppendLine("#define OUT_IDX(n, c, z, y, x) "
                    + "((((((long)(n) * OC_BLOCKS + (c) / BLOCK) * OD + (z)) * OH + (y)) * OW + (x)) * BLOCK + (c) % BLOCK)");
                sb.AppendLine("#define OUT_DECODE(flat, n, c, z, y, x) do { long r_ = (flat); " +
                    "int lane_ = (int)(r_ % BLOCK); r_ /= BLOCK; x = (int)(r_ % OW); r_ /= OW; y = (int)(r_ % OH); r_ /= OH; " +
                    "z = (int)(r_ % OD); r_ /= OD; c = (int)(r_ % OC_BLOCKS) * BLOCK + lane_; n = (int)(r_ / OC_BLOCKS); } while (0)");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layout), layout, "layout must be nchw, nhwc or blocked16");
        }
    }

    private static void AppendWeights(StringBuilder sb)
    {
        sb.AppendLine("#define WEI_IDX(ic, m, z, y, x) (((((long)(ic) * (OC / G) + (m)) * KD + (z)) * KH + (y)) * KW + (x))");
        sb.AppendLine("#define CONV_WEI_IDX(oc, c, z, y, x) (((((long)(oc) * (IC / G) + (c)) * KD + (z)) * KH + (y)) * KW + (x))");
        sb.AppendLine("#define CONV_WEI_DECODE(flat, oc, c, z, y, x) do { long r_ = (flat); " +
            "x = (int)(r_ % KW); r_ /= KW; y = (int)(r_ % KH); r_ /= KH; z = (int)(r_ % KD); r_ /= KD; " +
            "c = (int)(r_ % (IC / G)); oc = (int)(r_ / (IC / G)); } while (0)");
    }
}
