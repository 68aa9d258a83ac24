using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Greedy shrinking with FsCheck's shrink candidates (<see cref="CaseGen.Shrink"/>, simplest
/// first): take the first candidate that still fails, start again from it, stop when no candidate
/// fails. Every candidate is strictly simpler in some parameter and no larger in the others, so
/// it ends; <c>maxTries</c> bounds the backend runs when the predicate is slow.
/// </summary>
public static partial class Shrinker
{
    public const int DefaultMaxTries = 400;

    public static ShrinkOutcome Shrink(DeconvCase start, Func<DeconvCase, bool> stillFails, int maxTries = DefaultMaxTries,
        Action<DeconvCase>? onStep = null)
    {
        var current = start;
        var steps = new List<DeconvCase>();
        var tried = 0;
        while (true)
        {
            DeconvCase? next = null;
            foreach (var candidate in CaseGen.Shrink(current))
            {
                if (tried == maxTries) return new ShrinkOutcome(start, current, steps, tried, Exhausted: true);
                tried++;
                if (!stillFails(candidate)) continue;
                next = candidate;
                break;
            }
            if (next is null) return new ShrinkOutcome(start, current, steps, tried, Exhausted: false);
            current = next;
            steps.Add(current);
            onStep?.Invoke(current);
        }
    }

    /// <summary>
    /// What "fails the same way" compares: the status and, for a failure, what its diagnosis rests
    /// on: the fault model it names (explained or closest; the detail and element counts change as
    /// the case shrinks), the kinds of known issue, or the kind of failure; for an error, its
    /// message's first line with numbers blanked (sizes in it change too).
    /// </summary>
    public static string Signature(CaseResult result) => result.Status switch
    {
        Status.Fail => "fail: " + result.DiagnosisKind switch
        {
            DiagnosisKind.FaultModel or DiagnosisKind.ClosestFaultModel => result.FaultModel,
            DiagnosisKind.KnownIssue => "known " + string.Join(", ", result.KnownIssues.Select(k => k.Kind).Distinct()),
            var kind => kind.ToString(),
        },
        Status.Error => "error: " + Digits().Replace(result.Message.Split('\n')[0], "N"),
        _ => StatusNames.Of(result.Status),
    };

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
