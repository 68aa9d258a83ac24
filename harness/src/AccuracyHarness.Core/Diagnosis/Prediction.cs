using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// What a faulty implementation would output: values in logical order (NaN where it would write
/// nothing), the sums that bound their rounding (the faulty sums' own absolute sums and term
/// counts, since a fault can add or drop terms) and, for faults whose exact rounding depends on
/// the summation order, a per-element slack. Values are real (after scales, bias and post-ops) and stored as the
/// destination's type, an integer destination's through <see cref="Requantization"/>: a fault of the store is a
/// requantization of its own.
/// </summary>
public sealed record Prediction(double[] Output, double[] AbsSum, int[] Terms, double[]? Slack = null)
{
    /// <summary>Elements the faulty implementation computes from memory outside its buffers: any value fits them.</summary>
    public bool[]? Unknown { get; init; }

    /// <summary>How an integer destination stores the values; null for float destinations.</summary>
    public Requantization? Requantization { get; init; }

    public static Prediction Of(ReferenceResult sums) =>
        new(sums.Output, sums.AbsSum, sums.Terms) { Requantization = sums.Requantization };

    /// <summary>The prediction in the reference's place: what a comparison with it is based on.</summary>
    public ReferenceResult AsReference() => new(Output, AbsSum, Terms) { Requantization = Requantization };

    /// <summary>Element i takes element source(i) of this prediction, or nothing (NaN: not written) when source is null.</summary>
    public Prediction Remap(Func<int, int?> source)
    {
        var output = new double[Output.Length];
        var abs = new double[Output.Length];
        var terms = new int[Output.Length];
        for (var i = 0; i < output.Length; i++)
        {
            if (source(i) is { } j)
            {
                (output[i], abs[i], terms[i]) = (Output[j], AbsSum[j], Terms[j]);
            }
            else
            {
                output[i] = double.NaN;
            }
        }
        return this with
        {
            Output = output,
            AbsSum = abs,
            Terms = terms,
            Unknown = Unknown is null ? null : [.. output.Select((_, i) => source(i) is { } j && Unknown[j])],
        };
    }
}
