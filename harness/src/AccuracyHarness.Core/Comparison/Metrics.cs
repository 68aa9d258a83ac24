namespace AccuracyHarness.Core.Comparison;

/// <summary>
/// How one backend output differs from the reference rounded to the storage type. <see cref="BoundRatio"/> is the largest
/// error divided by its element's bound (above 1 fails; in exact mode any difference fails and
/// the ratio is infinite). <see cref="Worst"/> is the logical coordinates of the element with the
/// largest bound ratio, or null when there is no error at all. Each element's ratio, for maps
/// and locations, comes from <see cref="Comparator.Ratios"/>.
/// </summary>
public sealed record Metrics(
    double MaxAbsErr,
    double MaxRelErr,
    long MaxUlp,
    double BoundRatio,
    long Mismatches,
    long Elements,
    int[]? Worst)
{
    public bool Passed => Mismatches == 0;
}
