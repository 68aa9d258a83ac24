using AccuracyHarness.Core.Benchdnn;
using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Suites;

/// <summary>
/// Loads suites. A suite file holds, one a line ('#' starts a comment):
/// <list type="bullet">
/// <item>an explicit case: a case id or a benchdnn descriptor;</item>
/// <item><c>include PATH [where EXPR] [sample P%]</c>: the cases of another suite, a benchdnn
/// shape or batch file, or a folder, relative to this file ('*' and '?' in its last part match
/// files), optionally filtered;</item>
/// <item>a grid: <c>grid NAME</c>, then lines <c>PARAM = v1, v2, ...</c> (crossed, the first
/// written varying slowest), <c>where EXPR</c> (every one must hold), <c>include PATH</c> (cases
/// to cross instead of a blank one), <c>sample P%</c>, and <c>end</c>. Invalid combinations
/// are dropped and counted, never errors.</item>
/// </list>
/// A file with benchdnn options (lines starting with "--") is a benchdnn batch or option file; a
/// folder loads every file in it, in name order. Benchdnn lines the harness cannot express are
/// returned as <see cref="Loaded.Skipped"/>, never dropped silently. The same case twice is kept once.
/// <see cref="SuiteReader"/> reads the files, <see cref="SuiteGrid"/> crosses a grid's values,
/// <see cref="Expansion"/> filters and counts what a grid or a filtered include offers.
/// </summary>
public static partial class SuiteFile
{
    public static Loaded Load(string path)
    {
        var reader = new SuiteReader();
        var cases = reader.Read(Path.GetFullPath(path), null);
        var distinct = cases.DistinctBy(c => c.Case).ToList();
        return new Loaded(distinct, reader.Skipped) { Expansions = reader.Expansions, Duplicates = cases.Count - distinct.Count };
    }

    /// <summary>A case id or a benchdnn descriptor; errors name the source and say why it is neither.</summary>
    public static DeconvCase ParseCase(string text, string source)
    {
        try
        {
            return ParseText(text);
        }
        catch (FormatException e)
        {
            throw new SuiteException($"{source}: {e.Message}");
        }
    }

    /// <summary>A case id or a benchdnn descriptor; a <see cref="FormatException"/> says why it is neither.</summary>
    internal static DeconvCase ParseText(string text)
    {
        if (CaseId.TryParse(text, out var c, out var idError)) return c;
        if (!BenchdnnDescriptor.IsDescriptor(text)) throw new FormatException(idError);
        try
        {
            return BenchdnnImport.ImportDescriptor(text).Case;
        }
        catch (FormatException e)
        {
            throw new FormatException($"not a case id ({idError}) nor a benchdnn descriptor ({e.Message})");
        }
    }
}
