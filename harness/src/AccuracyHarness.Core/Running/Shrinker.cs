using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Generation;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Greedy shrinking with FsCheck's shrink candidates (<see cref="CaseGen.Shrink"/>, simplest
/// first): take the first candidate that still fails, start again from it, stop when no candidate
/// fails. Every candidate is strictly simpler in some parameter and no larger in the others, so
/// it ends; <c>maxTries</c> bounds the backend runs when the predicate is slow.
/// </summary>
public static class Shrinker
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
}
