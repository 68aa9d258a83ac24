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
    /// a case that does not resolve is a usage error naming where it came from.
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
}
