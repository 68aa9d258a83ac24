using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>
/// ONNX Runtime 1.23's own rule for ConvTranspose pads (its ConvTransposeAttributes), next to the
/// ONNX specification's rule that <see cref="Problem"/> implements (DESIGN.md section 2). The two
/// agree everywhere (odd totals included: SAME_UPPER and output_shape with SAME_UPPER put the odd
/// unit at the end, everything else at the start) except when output_shape asks for more than
/// the natural size: the specification's formula then gives a negative total padding split over
/// both ends, while ONNX Runtime clamps the total at 0, so its outputs start where the natural
/// ones do and the extra ones at the end hold only the bias. Where the begin pads differ the
/// outputs differ by design, not by a kernel bug: <see cref="KnownAmbiguity"/> says so.
/// </summary>
public static class OrtPadding
{
    /// <summary>Begin pads ONNX Runtime uses on each spatial axis (its end pads follow from the output size).</summary>
    public static Dims BeginPads(Problem problem) =>
        problem.PadsBegin.Map((pb, a) => pb + problem.PadsEnd[a] < 0 ? 0 : pb);

    /// <summary>
    /// "known ambiguity: ..." when ONNX Runtime's begin pads differ from the specification's for
    /// this case (so its output legitimately differs from the reference), else null.
    /// </summary>
    public static string? KnownAmbiguity(Problem problem)
    {
        var c = problem.Case;
        var ort = BeginPads(problem);
        var reasons = new List<string>();
        for (var a = 0; a < c.Rank; a++)
        {
            if (ort[a] == problem.PadsBegin[a]) continue;
            var natural = problem.Output[a] + problem.PadsBegin[a] + problem.PadsEnd[a];
            reasons.Add($"axis {a}: output_shape {problem.Output[a]} is larger than the natural size {natural}; " +
                $"the ONNX formula gives pads {problem.PadsBegin[a]}/{problem.PadsEnd[a]} (a negative total split over both ends), " +
                "ONNX Runtime clamps the total padding at 0 (pads 0/0) and fills the extra outputs at the end with the bias only");
        }
        return reasons.Count == 0 ? null : "known ambiguity: " + string.Join("; ", reasons);
    }

    /// <summary>
    /// "known ONNX Runtime defect: ..." for cases whose output ONNX Runtime 1.23 gets wrong: a
    /// 2-D ConvTranspose with output_padding >= stride on some axis (the specification allows
    /// output_padding up to max(stride, dilation) - 1, so this needs dilation > stride). 1-D and
    /// 3-D cases with the same attributes are right, and so is every 2-D case with
    /// output_padding &lt; stride, which points at ONNX Runtime's 2-D column-to-image step.
    /// </summary>
    public static string? KnownDefect(Problem problem)
    {
        var c = problem.Case;
        if (c.Rank != 2) return null;
        var axes = Enumerable.Range(0, c.Rank).Where(a => c.OutputPadding[a] >= c.Strides[a]).ToList();
        return axes.Count == 0
            ? null
            : "known ONNX Runtime defect: 2-D ConvTranspose with output_padding >= stride " +
              $"(axes {string.Join(",", axes)}: output_padding {c.OutputPadding}, strides {c.Strides}, dilations {c.Dilations}) " +
              "gives wrong values in ONNX Runtime 1.23 (the same attributes in 1-D and 3-D are right)";
    }
}
