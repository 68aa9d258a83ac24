using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Mutants;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OpenCL.Backends;
using AccuracyHarness.OpenCL.Devices;
using AccuracyHarness.OpenCL.Kernels;
using AccuracyHarness.OpenCL.Manifests;

namespace AccuracyHarness.OpenCL.Mutants;

/// <summary>The built-in mutants, keyed by name: one per fault model, plus an out-of-bounds read only Oclgrind sees.</summary>
public static class MutantCatalogue
{
    private const string ReorderFlip = "KD - 1 - z, KH - 1 - y, KW - 1 - x";
    private const string ReorderRead = "LOAD_WEI(src, WEI_IDX(group * cg + c, oc % mg, KD - 1 - z, KH - 1 - y, KW - 1 - x))";
    private const string Product = "acc += (LOAD_SRC(input, IN_IDX(n, ic, nz / SD, ny / SH, nx / SW)) - zp)";
    private const string ProductEnd = "* LOAD_WEI(weights, WEI_IDX(ic, m, tz, ty, tx));";
    private const string BiasInit = "ACC_T acc = HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f;";
    private const string Store = "    STORE_DST(output, flat, v);\n}";
    private const string XTap =
        "const int nx = ox + PW0 - tx * DW;\n                    if (nx < 0 || nx % SW != 0 || nx / SW >= IW) continue;";
    private const string FirstLocal = "    const int mg = OC / G;";

    /// <summary>Rounds a float to the nearest value with an 11-bit significand (f16's), ties to even, in f32 arithmetic.</summary>
    private const string RoundToHalf =
        "static float round_to_half(float v)\n{\n    uint u = as_uint(v);\n" +
        "    u = (u + 0x0FFFu + ((u >> 13) & 1u)) & ~0x1FFFu;\n    return as_float(u);\n}\n\n";

    public static IReadOnlyList<Mutant> All { get; } =
    [
        Reorder("reorder-not-flipped", "weights reorder without the 180-degree rotation", FaultCatalogue.WeightsNotFlipped,
            s => Patch(s, ReorderFlip, "z, y, x")),
        Reorder("reorder-flipped-x-only", "weights reorder flipping the x axis only", FaultCatalogue.WeightsFlippedOneAxis,
            s => Patch(s, ReorderFlip, "z, y, KW - 1 - x")),
        Reorder("reorder-not-swapped", "weights reorder reading IOYX as if it were OIYX (the transposed reorder)",
            FaultCatalogue.ChannelsNotSwapped,
            s => Patch(s, ReorderRead, "LOAD_WEI(src, CONV_WEI_IDX(oc, c, KD - 1 - z, KH - 1 - y, KW - 1 - x))")),
        Reorder("reorder-copy", "weights reorder that copies without swapping or flipping", FaultCatalogue.NotFlippedNotSwapped,
            s => Patch(s, ReorderRead, "LOAD_WEI(src, flat)")),
        Direct("deconv-dilation-dropped", "direct kernel ignoring dilation", FaultCatalogue.DilationDropped,
            s => Patch(Patch(Patch(s, "tz * DD", "tz"), "ty * DH", "ty"), "tx * DW", "tx")),
        new("rule-openvino-2024", "opencl-replaced with OpenVINO's 2024 rule: pads (k-1) - |pb|, dilation forced to 1",
            FaultCatalogue.DilationDropped,
            OpenClDevices.Pocl,
            On(OpenClDevices.Pocl, d =>
                new OpenClReplacedBackend(d, OpenClOptions.Default with { Rule = ReplacementRules.OpenVino2024 }, []))),
        Direct("deconv-pad-begin-plus-one", "direct kernel with the begin pad of x one too large", FaultCatalogue.PadBeginOffByOne,
            s => Patch(s, "ox + PW0", "ox + PW0 + 1")),
        Direct("deconv-pads-swapped", "direct kernel using the end pads as begin pads", FaultCatalogue.PadsSwapped,
            s => Patch(Patch(Patch(s, "oz + PD0", "oz + PD1"), "oy + PH0", "oy + PH1"), "ox + PW0", "ox + PW1")),
        Direct("deconv-output-padding-dropped", "direct kernel that never writes the rows and columns output padding adds",
            FaultCatalogue.OutputPaddingDropped,
            s => Patch(s, FirstLocal, "    if (oz >= OD - OPD || oy >= OH - OPH || ox >= OW - OPW) return;\n" + FirstLocal)),
        Direct("deconv-group-offset", "direct kernel offsetting a group's input channels by M/G", FaultCatalogue.GroupOffsetWrong,
            s => Patch(s, "const int ic = group * cg + c;", "const int ic = group * mg + c;\n        if (ic >= IC) continue;")),
        Direct("deconv-bias-missing", "direct kernel without the bias", FaultCatalogue.BiasMissing,
            s => Patch(s, BiasInit, "ACC_T acc = 0.0f;")),
        Direct("deconv-bias-doubled", "direct kernel adding the bias twice", FaultCatalogue.BiasDoubled,
            s => Patch(s, BiasInit, "ACC_T acc = HAS_BIAS ? 2.0f * LOAD_BIAS(bias, oc) : 0.0f;")),
        Direct("deconv-layout-misread", "direct kernel reading the input with plain NCHW offsets whatever its layout",
            FaultCatalogue.LayoutMisread,
            s => Patch(s, "IN_IDX(n, ic, nz / SD, ny / SH, nx / SW)",
                "(((((long)n * IC + ic) * ID + nz / SD) * IH + ny / SH) * IW + nx / SW)")),
        Direct("deconv-half-accumulation", "direct kernel rounding products and sums to half precision", FaultCatalogue.HalfAccumulation,
            s => RoundToHalf + Patch(
                Patch(s, Product,
                    "acc = round_to_half(acc + round_to_half((LOAD_SRC(input, IN_IDX(n, ic, nz / SD, ny / SH, nx / SW)) - zp)"),
                ProductEnd, "* LOAD_WEI(weights, WEI_IDX(ic, m, tz, ty, tx))));")),
        Direct("deconv-stride-phase-floored", "direct kernel flooring the division for taps whose offset is not a multiple of the stride",
            FaultCatalogue.StridePhaseFloored,
            s => Patch(Patch(Patch(s, "nz % SD != 0 || ", ""), "ny % SH != 0 || ", ""), "nx % SW != 0 || ", "")),
        Direct("deconv-lower-check-missing", "direct kernel without the check nx >= 0 on x", FaultCatalogue.LowerCheckMissing,
            s => Patch(s, "if (nx < 0 || ", "if (")),
        Direct("deconv-upper-check-missing", "direct kernel without the check nx / SW < IW on x", FaultCatalogue.UpperCheckMissing,
            s => Patch(s, " || nx / SW >= IW)", ")")),
        Direct("deconv-upper-limit-minus-one", "direct kernel skipping the last input of x", FaultCatalogue.UpperLimitOffByOne,
            s => Patch(s, "nx / SW >= IW)", "nx / SW >= IW - 1)")),
        Direct("deconv-dilation-on-input", "direct kernel dividing x by stride times dilation instead of dilating the taps",
            FaultCatalogue.DilationOnInput,
            s => Patch(s, XTap, "const int nx = (ox + PW0 - tx) / DW;\n                    " +
                "if (ox + PW0 - tx < 0 || (ox + PW0 - tx) % DW != 0 || nx % SW != 0 || nx / SW >= IW) continue;")),
        Direct("deconv-output-padding-at-begin", "direct kernel subtracting the output padding of x from its begin pad",
            FaultCatalogue.OutputPaddingAtBegin,
            s => Patch(s, "ox + PW0", "ox + PW0 - OPW")),
        Direct("deconv-group-offset-missing", "direct kernel reading every group's input channels from group 0",
            FaultCatalogue.GroupOffsetMissing,
            s => Patch(s, "const int ic = group * cg + c;", "const int ic = c;")),
        Direct("deconv-oob-read", "direct kernel that reads one element past the end of the weights without using it",
            ResultEvaluator.DeviceFinding,
            s => Patch(s, Store, "    if (LOAD_WEI(weights, IC * (OC / G) * KD * KH * KW) == 1234.5f) v += 1.0f;\n" + Store),
            OpenClDevices.Oclgrind),
        Direct("q-zero-point-ignored", "int8 kernel that does not subtract the source zero point", FaultCatalogue.ZeroPointIgnored,
            s => Patch(s, SourceZeroPoint, "const ACC_T zp = 0;")),
        Direct("q-zero-point-twice", "int8 kernel subtracting the source zero point twice", FaultCatalogue.ZeroPointTwice,
            s => Patch(s, SourceZeroPoint, "const ACC_T zp = 2 * SRC_ZP(ic);")),
        Direct("q-zero-point-channel-zero", "int8 kernel using input channel 0's zero point for every channel",
            FaultCatalogue.ZeroPointChannelZero, s => Patch(s, SourceZeroPoint, "const ACC_T zp = SRC_ZP(0);")),
        new("q-padding-zero", "opencl-replaced whose zero insertion and conv padding read 0 instead of the zero point",
            FaultCatalogue.PaddingNotZeroPoint, OpenClDevices.Pocl, On(OpenClDevices.Pocl, d =>
                new OpenClReplacedBackend(d, OpenClOptions.Default with { ZeroInsertion = true },
                    [Manifest("q-padding-zero", KernelRole.Conv, KernelSource.Conv, PaddedWithZero)])
                {
                    ZeroInsertKernel = KernelSource.ZeroInsert with
                    {
                        Origin = $"mutant q-padding-zero of {KernelSource.ZeroInsert.Origin}",
                        Text = Patch(KernelSource.ZeroInsert.Text, "c < OC ? SRC_ZP(c) : 0", "0"),
                    },
                })),
        Direct("q-weight-scales-per-tensor", "int8 kernel applying output channel 0's weight scale to every channel",
            FaultCatalogue.WeightScalesPerTensor, s => Patch(s, "WEI_SCALE(oc)", "WEI_SCALE(0)")),
        Direct("q-bias-scaled", "int8 kernel adding the bias before the scales (so they scale it too)", FaultCatalogue.BiasScaled,
            s => Patch(s, Dequantize, "((float)acc + (HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f)) * SRC_SCALE * WEI_SCALE(oc)")),
        Direct("q-rounding-half-away", "requantization rounding halves away from zero", FaultCatalogue.RoundingHalfAway,
            s => Quantize("convert_long_sat(round((v) / DST_SCALE))", Saturated) + s),
        Direct("q-rounding-toward-zero", "requantization truncating toward zero", FaultCatalogue.RoundingTowardZero,
            s => Quantize("convert_long_sat_rtz((v) / DST_SCALE)", Saturated) + s),
        Direct("q-wrap-around", "requantization that wraps around instead of saturating", FaultCatalogue.WrapAround,
            s => Quantize("convert_long_sat_rte((v) / DST_SCALE)", "((DST_T)(ROUNDED + DST_ZP))") + s),
        Direct("q-dst-zero-point-dropped", "requantization without the destination zero point",
            FaultCatalogue.DestinationZeroPointDropped,
            s => Quantize("convert_long_sat_rte((v) / DST_SCALE)", "((DST_T)clamp(ROUNDED, DST_MIN, DST_MAX))") + s),
        Direct("q-post-op-clamp", "int8 kernel clamping to the destination's range between fused post-ops", FaultCatalogue.PostOpClamp,
            s => Patch(s, PostOpChain, "#if DST_INTEGER\n" + ClampedChain + "#else\n" + PostOpChain + "\n#endif")),
        Direct("bf16-truncation", "bf16 kernel storing by truncation instead of rounding", FaultCatalogue.BF16Truncation,
            s => "#if DST_DT == DT_BF16\n#undef STORE_DST\n"
                + "#define STORE_DST(ptr, idx, real) ((ptr)[(idx)] = (ushort)(as_uint((float)(real)) >> 16))\n#endif\n" + s),
        Direct("bf16-accumulation", "bf16 kernel rounding its running sum to bf16 after every product", FaultCatalogue.BF16Accumulation,
            s => RoundToBFloat16 + "#if SRC_DT == DT_BF16\n#define ACCUMULATE(acc, term) round_to_bf16((acc) + (term))\n#else\n"
                + "#define ACCUMULATE(acc, term) ((acc) + (term))\n#endif\n"
                + Patch(Patch(s, Product, "acc = ACCUMULATE(acc, (LOAD_SRC(input, IN_IDX(n, ic, nz / SD, ny / SH, nx / SW)) - zp)"),
                    ProductEnd, "* LOAD_WEI(weights, WEI_IDX(ic, m, tz, ty, tx)));")),
    ];

    /// <summary>
    /// The conv stage reading positions outside the input (the rewrite's padding) as 0 instead of skipping them, which a
    /// quantized case must (they are worth the zero point).
    /// </summary>
    private static string PaddedWithZero(string conv) =>
        Patch(Patch(Patch(Patch(conv,
            "if (iz < 0 || iz >= ID) continue;", ""),
            "if (iy < 0 || iy >= IH) continue;", ""),
            "if (ix < 0 || ix >= IW) continue;", ""),
            "LOAD_SRC(input, IN_IDX(n, ic, iz, iy, ix))",
            "(iz < 0 || iz >= ID || iy < 0 || iy >= IH || ix < 0 || ix >= IW ? 0 : LOAD_SRC(input, IN_IDX(n, ic, iz, iy, ix)))");

    private const string SourceZeroPoint = "const ACC_T zp = SRC_ZP(ic);";
    private const string Dequantize = "(float)acc * SRC_SCALE * WEI_SCALE(oc) + (HAS_BIAS ? LOAD_BIAS(bias, oc) : 0.0f)";
    private const string PostOpChain = "    APPLY_POST_OPS(v, oc, flat);";

    /// <summary>The built-in requantization with its rounding, zero point and saturation as written here.</summary>
    private static string Quantize(string rounded, string stored) =>
        "#undef QUANTIZE\n#define QUANTIZE(v) " + stored.Replace("ROUNDED", rounded, StringComparison.Ordinal) + "\n";

    private const string Saturated = "((DST_T)clamp(ROUNDED + DST_ZP, DST_MIN, DST_MAX))";

    /// <summary>The chain written out op by op (as many as a case can have) with a clamp to the destination's range between.</summary>
    private static readonly string ClampedChain = string.Concat(Enumerable.Range(0, 8).Select(k =>
        $"#if POST_OPS > {k}\n"
        + (k == 0 ? "" : "    v = clamp(v, (float)(DST_MIN - DST_ZP) * DST_SCALE, (float)(DST_MAX - DST_ZP) * DST_SCALE);\n")
        + $"    POST_OP_{k}(v, oc, flat);\n#endif\n"));

    /// <summary>Rounds a float to bf16 (8-bit significand), ties to even, in f32 arithmetic.</summary>
    private const string RoundToBFloat16 =
        "static float round_to_bf16(float v)\n{\n    uint u = as_uint(v);\n" +
        "    u = (u + 0x7FFFu + ((u >> 16) & 1u)) & 0xFFFF0000u;\n    return as_float(u);\n}\n\n";

    /// <summary>
    /// Replaces the one occurrence of a snippet; a snippet that is missing or repeated means the kernel changed and the
    /// mutant must follow.
    /// </summary>
    public static string Patch(string source, string find, string replace)
    {
        var at = source.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || source.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"mutant patch: '{find}' must occur exactly once in the kernel source");
        return source[..at] + replace + source[(at + find.Length)..];
    }

    private static Mutant Direct(
        string name, string description, string expected, Func<string, string> patch, string device = OpenClDevices.Pocl) =>
        new(name, description, expected, device,
            On(device, d =>
                new ExternalDeconvBackend(Manifest(name, KernelRole.Deconv, KernelSource.DeconvDirect, patch), d, OpenClOptions.Default)));

    /// <summary>Reorder mutants run with zero insertion so that strided cases exercise them too.</summary>
    private static Mutant Reorder(string name, string description, string expected, Func<string, string> patch) =>
        new(name, description, expected, OpenClDevices.Pocl, On(OpenClDevices.Pocl, d =>
            new OpenClReplacedBackend(d, OpenClOptions.Default with { ZeroInsertion = true },
                [Manifest(name, KernelRole.WeightsReorder, KernelSource.WeightsReorder, patch)])));

    /// <summary>The device is looked up when the mutant is made, so listing mutants needs no OpenCL.</summary>
    private static Func<IBackend> On(string device, Func<OpenClDevice, IBackend> create) => () => create(OpenClDevices.Find(device));

    internal static KernelManifest Manifest(string name, KernelRole role, KernelSource original, Func<string, string> patch) =>
        new($"mutant-{name}", role, $"(built-in mutant {name})",
            original with { Origin = $"mutant {name} of {original.Origin}", Text = patch(original.Text) },
            Enum.GetValues<LayoutFamily>().ToHashSet(), CaseTypes.All.ToHashSet())
        {
            PostOps = true,
        };
}
