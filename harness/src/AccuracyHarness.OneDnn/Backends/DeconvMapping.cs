using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>
/// How a case's geometry is handed to oneDNN's deconvolution: the end pads and the output size it
/// is asked for. The correct mapping is <see cref="Of"/>; the mutants hold faulty ones.
/// </summary>
public sealed record DeconvMapping(long[] PaddingR, Dims Output)
{
    /// <summary>padding_r = pads_end - output_padding (oneDNN has no output_padding; a negative end pad grows the output).</summary>
    public static DeconvMapping Of(Problem p) =>
        new(Enumerable.Range(0, p.Rank).Select(a => (long)p.PadsEnd[a] - p.Case.OutputPadding[a]).ToArray(), p.Output);
}
