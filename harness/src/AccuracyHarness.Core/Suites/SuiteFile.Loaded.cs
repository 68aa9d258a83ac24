using AccuracyHarness.Core.Benchdnn;

namespace AccuracyHarness.Core.Suites;

public static partial class SuiteFile
{
    /// <summary>What a suite expands to, with the benchdnn lines it could not express.</summary>
    public sealed record Loaded(IReadOnlyList<SuiteCase> Cases, IReadOnlyList<RejectedLine> Skipped)
    {
        /// <summary>One report per grid and per filtered include, in file order.</summary>
        public IReadOnlyList<ExpansionReport> Expansions { get; init; } = [];

        /// <summary>Cases that appeared more than once and were kept once.</summary>
        public int Duplicates { get; init; }
    }
}
