using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using static AccuracyHarness.Core.Diagnosis.Faults.ReferenceVariants;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// The index family of fault models: each member is one departure of a gather kernel's index
/// arithmetic from the correct one (<see cref="AxisArithmetic"/>), and becomes a variant of the
/// reference on each axis where it reads something else, and on all those axes at once. Whether
/// an axis differs is decided on the index arithmetic alone, before any variant runs, so a member
/// costs nothing on a case it cannot affect.
/// </summary>
internal abstract class IndexFault(string name, string description) : FaultModel(name, description)
{
    /// <summary>The wrong arithmetic the member puts on an axis, with its detail: one per alternative, each tried on its own.</summary>
    protected abstract IEnumerable<(string Detail, AxisArithmetic Arithmetic)> Variants(Axis axis);

    /// <summary>Any case: the member is tried axis by axis, only where it reads something else (see the class).</summary>
    public sealed override bool AppliesTo(Problem p, CaseInputs inputs) => true;

    protected sealed override IEnumerable<Hypothesis> Hypotheses(Problem p, CaseInputs inputs)
    {
        var axes = DeconvGeometry.Of(p).Axes;
        var alternatives = Variants(axes[2]).Count();
        for (var alternative = 0; alternative < alternatives; alternative++)
        {
            var perAxis = axes.Select(a => Variants(a).ElementAt(alternative)).ToArray();
            // The case's own axes only: lower ranks run through unit axes in front, which no kernel indexes.
            var differing = Enumerable.Range(3 - p.Rank, p.Rank).Where(a => perAxis[a].Arithmetic.DiffersOn(axes[a])).ToList();
            var subsets = differing.Select(a => new[] { a }).ToList();
            if (differing.Count > 1) subsets.Add([.. differing]);
            foreach (var subset in subsets)
            {
                var arithmetic = Enumerable.Range(0, 3)
                    .Select(a => subset.Contains(a) ? perAxis[a].Arithmetic : AxisArithmetic.Correct).ToArray();
                var detail = string.Join(", ", subset.Select(a => $"{perAxis[a].Detail} on {AxisNames[a]}"));
                yield return Hypothesis(detail, Gathered(p, inputs, new GatherVariant(arithmetic[0], arithmetic[1], arithmetic[2])));
            }
        }
    }
}
