namespace AccuracyHarness.OpenCL.Dialects.OpenVino;

/// <summary>
/// How a begin pad of the rewritten convolution reaches an OpenVINO-dialect conv kernel as
/// <c>PADDING_SIZE_*</c>. The rule's pad is signed (pre_replace_deconv computes (k-1) - |pb| as an
/// ov::CoordinateDiff, negative once pb > k-1), but the kernel selector holds pads as uint32:
/// OpenVINO 2023's convolution impl converted them with <c>std::max(pad, 0)</c>, later ones (2025
/// sources) with <c>get_xyz&lt;ov::CoordinateDiff, uint32_t&gt;</c>, a plain cast; the jitter writes the
/// uint32 in decimal, so -2 reaches the kernel as 4294967294.
/// </summary>
public sealed record OpenVinoPads(string Name, string Description, Func<long, long> Convert)
{
    public static readonly OpenVinoPads Unsigned = new("unsigned",
        "the rule's pad as uint32 (OpenVINO 2025's convolution impl): -2 becomes 4294967294", pad => (uint)pad);

    public static readonly OpenVinoPads Clamp = new("clamp",
        "the rule's pad clamped at 0 (OpenVINO 2023's convolution impl)", pad => Math.Max(pad, 0));

    public static readonly OpenVinoPads Signed = new("signed", "the rule's pad as it is", pad => pad);

    public static IReadOnlyList<OpenVinoPads> All { get; } = [Unsigned, Clamp, Signed];
}
