using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// The gather along one axis, solved once: output o takes input i = (o + pb - t*d) / s through
/// tap t when that is an integer inside the input. Per output, the taps that reach it in
/// ascending order (the order its addends are summed in); per stride phase r = o mod s, the
/// taps that can reach its outputs, each over a run of consecutive phase positions.
/// </summary>
internal sealed class AxisTaps
{
    private readonly int[] _start;
    private readonly int[] _tap;
    private readonly int[] _input;

    public AxisTaps(Axis a)
    {
        _start = new int[a.Out + 1];
        var taps = new List<(int Tap, int Input)>();
        for (var o = 0; o < a.Out; o++)
        {
            _start[o] = taps.Count;
            for (var t = 0; t < a.Kernel; t++)
            {
                var numerator = o + a.PadBegin - (t * a.Dilation);
                if (numerator >= 0 && numerator % a.Stride == 0 && numerator / a.Stride < a.In) taps.Add((t, numerator / a.Stride));
            }
        }
        _start[a.Out] = taps.Count;
        _tap = taps.Select(p => p.Tap).ToArray();
        _input = taps.Select(p => p.Input).ToArray();
        Phases = Enumerable.Range(0, Math.Min(a.Stride, a.Out)).Select(r => new PhaseTaps(a, r)).ToArray();
    }

    /// <summary>Indices into <see cref="Tap"/> and <see cref="Input"/> of the taps reaching output o.</summary>
    public (int Begin, int End) Reaching(int o) => (_start[o], _start[o + 1]);

    public int Count(int o) => _start[o + 1] - _start[o];

    public int Tap(int j) => _tap[j];

    public int Input(int j) => _input[j];

    /// <summary>Per stride phase r (outputs r, r + s, r + 2s, ...).</summary>
    public PhaseTaps[] Phases { get; }
}
