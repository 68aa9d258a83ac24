using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// Outputs o = r + s*k of one stride phase: tap Tap[j] reaches position k from input k + Offset[j]
/// for k in [From[j], To[j]), taps ascending. In [InteriorBegin, InteriorEnd) every one of them
/// does, so a run of positions there sums the same taps from inputs at a fixed step.
/// </summary>
internal sealed class PhaseTaps
{
    public PhaseTaps(Axis a, int r)
    {
        Positions = (a.Out - r + a.Stride - 1) / a.Stride;
        var live = new List<(int Tap, int Offset, int From, int To)>();
        for (var t = 0; t < a.Kernel; t++)
        {
            var numerator = r + a.PadBegin - (t * a.Dilation);
            if (((numerator % a.Stride) + a.Stride) % a.Stride != 0) continue;
            var offset = numerator / a.Stride;
            var from = Math.Max(0, -offset);
            var to = Math.Min(Positions, a.In - offset);
            if (from < to) live.Add((t, offset, from, to));
        }
        Tap = live.Select(l => l.Tap).ToArray();
        Offset = live.Select(l => l.Offset).ToArray();
        From = live.Select(l => l.From).ToArray();
        To = live.Select(l => l.To).ToArray();
        InteriorBegin = live.Count == 0 ? 0 : live.Max(l => l.From);
        InteriorEnd = Math.Max(InteriorBegin, live.Count == 0 ? 0 : live.Min(l => l.To));
    }

    /// <summary>How many outputs the phase has.</summary>
    public int Positions { get; }

    public int[] Tap { get; }

    public int[] Offset { get; }

    public int[] From { get; }

    public int[] To { get; }

    public int InteriorBegin { get; }

    public int InteriorEnd { get; }
}
