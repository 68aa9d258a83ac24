using System.Globalization;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;

namespace AccuracyHarness.Cli;

/// <summary>
/// Loads a suite for any command: a broken suite is a usage error (exit 2) naming file, line
/// and field; what each grid generated and dropped, duplicates and benchdnn lines that could not
/// be expressed are reported on stderr, never dropped silently.
/// </summary>
public static class SuiteLoading
{
    public static SuiteFile.Loaded Load(string path)
    {
        SuiteFile.Loaded loaded;
        try
        {
            loaded = SuiteFile.Load(path);
        }
        catch (SuiteException e)
        {
            throw new UsageException(e.Message);
        }
        foreach (var expansion in loaded.Expansions) Console.Error.WriteLine(expansion.Summary);
        if (loaded.Duplicates > 0) Console.Error.WriteLine($"{path}: {loaded.Duplicates} duplicate case(s) kept once");
        foreach (var skipped in loaded.Skipped)
            Console.Error.WriteLine($"skipped {skipped.Source}: {skipped.Text}: {skipped.Reason}");
        return loaded;
    }

    /// <summary>
    /// The cases of a command line: every suite's, then every <c>--case</c>, through the filter;
    /// a case that does not resolve is a usage error naming where it came from, and so is a
    /// command line that gives no cases. A shard or sample that holds none is not: a small suite
    /// split over many CI machines leaves some shards empty, and their empty reports still merge.
    /// </summary>
    public static IReadOnlyList<SuiteCase> Cases(IReadOnlyList<string> suites, IReadOnlyList<string> caseTexts, CaseFilter filter)
    {
        var cases = suites.SelectMany(s => Load(s).Cases).ToList();
        try
        {
            cases.AddRange(caseTexts.Select(text => new SuiteCase(SuiteFile.ParseCase(text, "--case"), "--case")));
        }
        catch (SuiteException e)
        {
            throw new UsageException(e.Message);
        }
        var selected = filter.Apply(cases);
        if (selected.Count == 0)
        {
            var whole = (filter with { Shard = null, Sample = null }).Apply(cases).Count;
            if (whole == 0) throw new UsageException("no cases: give --case TEXT or --suite PATH (see --help), or widen the filters");
            Console.Out.WriteLine($"{Selection(filter)} holds none of the suite's {whole} case(s): its reports are written empty");
        }
        foreach (var sc in selected)
        {
            try
            {
                sc.Case.Resolve();
            }
            catch (InvalidCaseException e)
            {
                throw new UsageException($"{sc.Source}: {e.Message}");
            }
        }
        return selected;
    }

    private static string Selection(CaseFilter filter)
    {
        var sample = filter.Sample?.ToString(CultureInfo.InvariantCulture);
        return filter.Shard is { } shard
            ? $"shard {shard}" + (sample is null ? "" : $" of the {sample}% sample")
            : $"the {sample}% sample";
    }
}
