using System.Globalization;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis;

/// <summary>
/// White-box checks of a multi-stage backend (docs/ARCHITECTURE.md section 8): each intermediate it exposes
/// is compared with its reference transform, and the first stage that differs is named with its
/// first differing element, e.g. "weights_reorder: dst[oc=3, c=1, y=0, x=2] holds src[ic=1,
/// m=3, y=0, x=2] (not flipped)". Stages without a known transform are not judged.
/// </summary>
public static class StageChecks
{
    public const string WeightsReorder = "weights_reorder";

    private static readonly string[] AxisNames = ["z", "y", "x"];

    /// <summary>The stage column of a failing multi-stage result, or empty for single-stage backends.</summary>
    public static string Describe(Problem p, CaseInputs inputs, IReadOnlyList<StageOutput> stages)
    {
        if (stages.Count == 0) return "";
        foreach (var stage in stages)
        {
            var finding = stage.Stage switch
            {
                WeightsReorder => CheckWeightsReorder(p, inputs.Weights, stage.Tensor),
                _ => null,
            };
            if (finding is not null) return $"{stage.Stage}: {finding}";
        }
        var judged = stages.Where(s => s.Stage == WeightsReorder).Select(s => s.Stage).ToList();
        return judged.Count == 0
            ? "output: the stages expose no intermediate with a reference transform"
            : $"output: the final stage diverges while {string.Join(", ", judged)} match their reference";
    }

    /// <summary>
    /// Null when the reordered weights are exactly W'[g*Mg+m, c, t] = W[g*Cg+c, m, k-1-t].
    /// Otherwise names the first differing element and which source element it holds, and
    /// says which known reorder fault (flip missing on some axes, channels copied in place
    /// instead of swapped) reproduces the whole stage, if one does.
    /// </summary>
    public static string? CheckWeightsReorder(Problem p, Tensor source, Tensor got)
    {
        var expected = DeconvAsConvolution.ReorderWeights(p, source);
        if (got.Length != expected.Length)
            return $"holds {got.Length} elements, the reordered weights have {expected.Length}";
        var first = FirstDifference(got, expected);
        if (first < 0) return null;

        var rank = p.Rank;
        var dst = Tensor.Coordinates(expected.Shape, first);
        var value = got.Data[first];
        var sourceIndex = Array.FindIndex(source.Data, v => Bits(v) == Bits(value));
        var holds = sourceIndex < 0
            ? $"{value.ToString("G9", CultureInfo.InvariantCulture)}, which is no source weight"
            : $"src[{Coordinates("ic", "m", Tensor.Coordinates(source.Shape, sourceIndex), rank)}]";
        var fault = KnownFault(p, source, got);
        return $"dst[{Coordinates("oc", "c", dst, rank)}] holds {holds}" + (fault is null ? "" : $" ({fault})");
    }

    /// <summary>The reorder fault, among channel handling x flipped axes, that reproduces the whole stage.</summary>
    private static string? KnownFault(Problem p, Tensor source, Tensor got)
    {
        var rank = p.Rank;
        foreach (var inPlace in new[] { false, true })
        {
            for (var flips = (1 << rank) - 1; flips >= 0; flips--)
            {
                if (!inPlace && flips == (1 << rank) - 1) continue;
                if (FirstDifference(got, DeconvAsConvolution.Reorder(p, source, !inPlace, flips)) >= 0) continue;
                var why = new List<string>();
                if (inPlace) why.Add("in/out channels not swapped");
                var flipped = Enumerable.Range(0, rank).Where(a => (flips & (1 << a)) != 0).Select(a => AxisNames[3 - rank + a]).ToList();
                if (flipped.Count == 0) why.Add("not flipped");
                else if (flipped.Count < rank) why.Add($"flipped on {string.Join(", ", flipped)} only");
                return string.Join(", ", why);
            }
        }
        return null;
    }

    private static int FirstDifference(Tensor a, Tensor b) =>
        Enumerable.Range(0, a.Length).FirstOrDefault(i => Bits(a.Data[i]) != Bits(b.Data[i]), -1);

    private static int Bits(float v) => BitConverter.SingleToInt32Bits(v);

    private static string Coordinates(string first, string second, int[] coords, int rank) =>
        string.Join(", ", new[] { $"{first}={coords[0]}", $"{second}={coords[1]}" }
            .Concat(Enumerable.Range(0, rank).Select(a => $"{AxisNames[3 - rank + a]}={coords[2 + a]}")));
}
