using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Rewrite;

/// <summary>The rules, keyed by name.</summary>
public static class ReplacementRules
{
    public static readonly IReplacementRule Corrected = new CorrectedRule();

    public static readonly IReplacementRule OpenVino2024 = new OpenVino2024Rule();

    public static IReadOnlyList<IReplacementRule> All { get; } = [Corrected, OpenVino2024];

    /// <summary>
    /// Exact for stride 1: pads pb' = (k-1)*d - pb, pe' = (k-1)*d - pe + op, dilation kept. With
    /// zero insertion a stride s > 1 becomes stride 1 over the input with s-1 zeros between
    /// neighbours, (in-1)*s + 1 long, with the same pads.
    /// </summary>
    private sealed class CorrectedRule : IReplacementRule
    {
        public string Name => "corrected";

        public string Description => "exact rewrite for stride 1; with zero-insertion=true also for stride > 1";

        public RuleDecision Decide(Problem p, bool zeroInsertion)
        {
            var c = p.Case;
            var strided = !DeconvAsConvolution.Applies(p);
            if (strided && !zeroInsertion)
                return RuleDecision.Skip($"rule corrected rewrites stride-1 deconvolutions only (strides={c.Strides}); "
                    + "option zero-insertion=true adds the fractionally-strided form");
            return RuleDecision.Apply(
                new ConvPlan(DeconvAsConvolution.Geometry(p), DeconvAsConvolution.PadsEnd(p), strided ? c.Strides : null));
        }
    }

    /// <summary>
    /// OpenVINO's intel_gpu pre_replace_deconv as of 2024, blind spots included: it fires only for
    /// stride 1 and 2D f32/f16 inputs not in b_fs_yx_fsv16, takes pb' = (k-1) - |pb| and runs the
    /// convolution with dilation 1 whatever the deconvolution's dilation was.
    /// </summary>
    private sealed class OpenVino2024Rule : IReplacementRule
    {
        public string Name => "openvino-2024";

        public string Description =>
            "OpenVINO 2024's pre_replace_deconv: stride 1, 2D, not b_fs_yx_fsv16; pb' = (k-1) - |pb|, dilation dropped";

        public RuleDecision Decide(Problem p, bool zeroInsertion)
        {
            var c = p.Case;
            if (!DeconvAsConvolution.Applies(p))
                return RuleDecision.Skip($"rule openvino-2024 fires only when all strides are 1 (strides={c.Strides})");
            if (p.Rank != 2)
                return RuleDecision.Skip($"rule openvino-2024 fires only for 2D inputs (this case is {p.Rank}D)");
            if (c.Layout == LayoutFamily.Blocked16)
                return RuleDecision.Skip($"rule openvino-2024 does not fire for input in {Names.ExactLayout(c.Layout, p.Rank)}");
            var conv = new ConvGeometry(
                c.Batch, c.InChannels, c.OutChannels, c.Groups,
                c.Input, c.Kernel, Dims.Fill(p.Rank, 1), Dims.Fill(p.Rank, 1),
                c.Kernel.Map((k, a) => k - 1 - Math.Abs(p.PadsBegin[a])),
                p.Output);
            var padsEnd = c.Kernel.Map((k, a) => k - 1 - Math.Abs(p.PadsEnd[a]) + c.OutputPadding[a]);
            return RuleDecision.Apply(new ConvPlan(conv, padsEnd, null));
        }
    }
}
