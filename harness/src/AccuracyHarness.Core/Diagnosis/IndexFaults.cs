using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// The index family of fault models: each member is one departure of a gather kernel's index
/// arithmetic from the correct one (<see cref="AxisArithmetic"/>), and becomes a variant of the
/// reference on each axis where it reads something else, and on all those axes at once. Whether
/// an axis differs is decided on the index arithmetic alone, before any variant runs, so a member
/// costs nothing on a case it cannot affect.
/// </summary>
public static class IndexFaults
{
    public const string StridePhaseFloored = "stride-phase-floored";
    public const string LowerCheckMissing = "lower-check-missing";
    public const string UpperCheckMissing = "upper-check-missing";
    public const string UpperLimitOffByOne = "upper-limit-off-by-one";
    public const string DilationOnInput = "dilation-on-input";
    public const string OutputPaddingAtBegin = "output-padding-at-begin";
    public const string GroupOffsetMissing = "group-offset-missing";

    private static readonly string[] AxisNames = ["z", "y", "x"];

    /// <summary>A family member: its name, its sentence, and the wrong arithmetic it puts on an axis (one per alternative).</summary>
    private sealed record Member(
        string Name, string Description, Func<Axis, IEnumerable<(string Detail, AxisArithmetic Arithmetic)>> Variants);

    private static readonly Member[] Members =
    [
        new(StridePhaseFloored,
            "taps whose offset is not a multiple of the stride read input floor((o + pb - t*d) / s) instead of being skipped",
            _ => [("division floored", AxisArithmetic.Correct with { FloorPhase = true })]),
        new(LowerCheckMissing, "no lower range check: taps reaching before the first input read before it",
            _ => [("no check i >= 0", AxisArithmetic.Correct with { LowerCheck = false })]),
        new(UpperCheckMissing, "no upper range check: inputs past the last one are read",
            _ => [("no check i < in", AxisArithmetic.Correct with { UpperCheck = false })]),
        new(UpperLimitOffByOne, "the upper range check off by one: the last input skipped, or the one past it read",
            _ => [("checks i < in - 1", AxisArithmetic.Correct with { UpperLimitShift = -1 }),
                  ("checks i < in + 1", AxisArithmetic.Correct with { UpperLimitShift = 1 })]),
        new(FaultCatalogue.PadBeginOffByOne, "begin pad off by one",
            _ => [("begin pad -1", AxisArithmetic.Correct with { PadBeginShift = -1 }),
                  ("begin pad +1", AxisArithmetic.Correct with { PadBeginShift = 1 })]),
        new(DilationOnInput, "dilation applied to the input side, i = (o + pb - t) / (s*d), instead of spreading the taps",
            _ => [("i = (o + pb - t) / (s*d)", AxisArithmetic.Correct with { DilateInput = true })]),
        new(OutputPaddingAtBegin, "output padding added at the begin side (the pad the kernel uses is pb - op)",
            a => [($"begin pad {a.PadBegin} - {a.OutputPadding}", AxisArithmetic.Correct with { PadBeginShift = -a.OutputPadding })]),
    ];

    /// <summary>The family as fault models, in the catalogue's order of simplicity.</summary>
    public static FaultModel Model(string name) => name == GroupOffsetMissing
        ? new FaultModel(GroupOffsetMissing,
            "every group reads the input channels and weights of group 0 (the group's channel offset left out)",
            (p, i) => p.Case.Groups == 1 ? [] :
            [
                new Hypothesis(GroupOffsetMissing, "input channel g*C/G + c read as c", Predict(p, i, new GatherVariant(
                    AxisArithmetic.Correct, AxisArithmetic.Correct, AxisArithmetic.Correct, GroupOffsetMissing: true))),
            ])
        : Of(Members.Single(m => m.Name == name));

    private static FaultModel Of(Member member) => new(member.Name, member.Description, (p, i) => Propose(member, p, i));

    private static IEnumerable<Hypothesis> Propose(Member member, Problem p, CaseInputs inputs)
    {
        var axes = DeconvGeometry.Of(p).Axes;
        var alternatives = member.Variants(axes[2]).Count();
        for (var alternative = 0; alternative < alternatives; alternative++)
        {
            var perAxis = axes.Select(a => member.Variants(a).ElementAt(alternative)).ToArray();
            // The case's own axes only: lower ranks run through unit axes in front, which no kernel indexes.
            var differing = Enumerable.Range(3 - p.Rank, p.Rank).Where(a => perAxis[a].Arithmetic.DiffersOn(axes[a])).ToList();
            var subsets = differing.Select(a => new[] { a }).ToList();
            if (differing.Count > 1) subsets.Add([.. differing]);
            foreach (var subset in subsets)
            {
                var arithmetic = Enumerable.Range(0, 3)
                    .Select(a => subset.Contains(a) ? perAxis[a].Arithmetic : AxisArithmetic.Correct).ToArray();
                var detail = string.Join(", ", subset.Select(a => $"{perAxis[a].Detail} on {AxisNames[a]}"));
                var variant = new GatherVariant(arithmetic[0], arithmetic[1], arithmetic[2]);
                yield return new Hypothesis(member.Name, detail, Predict(p, inputs, variant));
            }
        }
    }

    private static Prediction Predict(Problem p, CaseInputs inputs, GatherVariant variant)
    {
        var (sums, unknown) = variant.Run(p, inputs);
        return Prediction.Of(sums) with { Unknown = unknown.Any(u => u) ? unknown : null };
    }
}
