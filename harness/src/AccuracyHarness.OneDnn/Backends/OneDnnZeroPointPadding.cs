namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// oneDNN 2.6's int8 JIT deconvolution (<c>jit_deconvolution:*</c> on AVX-512, <c>jit_uni_deconv:*</c> on AVX2) with a source zero point computes the output rows
/// (columns, ...) two or more units past the last input's reach (padding_r &lt;= -2, i.e. output_padding exceeding
/// pads_end by 2 or more) from scratchpad bytes it never writes: their value is whatever the scratchpad held, so it
/// changes from run to run. Found by this harness, confirmed outside it by scripts/onednn-int8-deconv-padding.c (a
/// caller's scratchpad pre-filled differently on each run changes those rows and nothing else; without the zero point,
/// with padding_r = -1, or on ref_int8 the rows are right).
/// </summary>
public static class OneDnnZeroPointPadding
{
    public const string Prefix = "known oneDNN 2.6 int8 deconvolution zero-point padding defect";

    /// <summary>"known oneDNN 2.6 int8 ...: ..." for a run the defect reaches, else null.</summary>
    public static string? KnownDefect(string impl, DeconvMapping mapping, EpilogueMapping epilogue) =>
        (impl.StartsWith("jit_deconvolution", StringComparison.Ordinal) || impl.StartsWith("jit_uni_deconv", StringComparison.Ordinal))
        && epilogue.SourceZeroPoints is not null
        && mapping.PaddingR.Any(p => p <= -2)
            ? $"{Prefix}: {impl} with a source zero point reads unwritten scratchpad for the outputs two or more past the "
              + $"input's reach (padding_r {string.Join("x", mapping.PaddingR)}), so they hold run-dependent values"
            : null;
}
