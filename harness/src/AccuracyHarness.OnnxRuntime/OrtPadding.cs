using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>
/// ONNX Runtime 1.23's own rule for ConvTranspose pads (its ConvTransposeAttributes), next to the
/// ONNX specification's rule that <see cref="Problem"/> implements (docs/ARCHITECTURE.md section 3). The two
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
    /// "known ONNX Runtime defect: ..." for cases whose values ONNX Runtime 1.23 gets wrong: a 2-D
    /// ConvTranspose whose output reaches stride or more units past the last input's reach on
    /// some axis (output_padding >= stride, which the specification allows when dilation >
    /// stride, or output_shape larger than the natural size plus output_padding by that much).
    /// Found by this harness: 1-D and 3-D cases with the same attributes are right, and so are
    /// 2-D cases short of that reach, consistent with ONNX Runtime's 2-D column-to-image step
    /// deriving the input extent from the output size as floor((out + pads - dilated kernel) /
    /// stride) + 1, which then exceeds the real input extent.
    /// </summary>
    public static string? KnownDefect(Problem problem)
    {
        var c = problem.Case;
        if (c.Rank != 2) return null;
        var beyond = new int[c.Rank];
        var axes = new List<int>();
        for (var a = 0; a < c.Rank; a++)
        {
            // Units past the last input's reach: output padding, plus what clamping adds for a large output_shape.
            beyond[a] = c.OutputPadding[a] + Math.Max(0, -(problem.PadsBegin[a] + problem.PadsEnd[a]));
            if (beyond[a] >= c.Strides[a]) axes.Add(a);
        }
        return axes.Count == 0
            ? null
            : "known ONNX Runtime defect: 2-D ConvTranspose whose output extends stride or more units past the last input's reach " +
              $"(axes {string.Join(",", axes)}: {string.Join(",", axes.Select(a => beyond[a]))} units, strides {c.Strides}; " +
              "from output_padding >= stride or output_shape beyond the natural size) gives wrong values in ONNX Runtime 1.23; " +
              "1-D and 3-D are right";
    }
}
