using System.Text.RegularExpressions;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Known divergences, so that a nightly fails only on new ones. One entry a line:
/// <c>BACKEND@DEVICE CASE_PATTERN REASON...</c> or <c>BACKEND@DEVICE diagnosis="PATTERN" REASON...</c>,
/// where the patterns may use <c>*</c> for any text (a case pattern matches the case id, a
/// diagnosis pattern the result's diagnosis) and the reason is required; '#' starts a comment.
/// </summary>
public sealed partial class Baseline
{
    public sealed record Entry(string Backend, string Device, string CasePattern, string Reason, string Source, bool ByDiagnosis = false)
    {
        private readonly Regex _pattern = Glob(CasePattern);
        private readonly Regex _backend = Glob(Backend);
        private readonly Regex _device = Glob(Device);

        public bool Matches(CaseResult r) =>
            _backend.IsMatch(r.Backend) && _device.IsMatch(r.Device) && _pattern.IsMatch(ByDiagnosis ? r.Diagnosis : r.CaseId);

        public override string ToString() => ByDiagnosis ? $"{Backend}@{Device} diagnosis=\"{CasePattern}\" {Reason}" : $"{Backend}@{Device} {CasePattern} {Reason}";

        private static Regex Glob(string pattern) => new("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>How a run's results stand against the baseline.</summary>
    public sealed record Verdict(
        IReadOnlyList<CaseResult> New,
        IReadOnlyList<(CaseResult Result, Entry Entry)> Known,
        IReadOnlyList<Entry> NowPassing);

    [GeneratedRegex("^(?<backend>[^@\\s]+)@(?<device>\\S+)\\s+(?:diagnosis=\"(?<diagnosis>[^\"]*)\"|(?<case>\\S+))\\s+(?<reason>\\S.*)$")]
    private static partial Regex EntryPattern();

    public Baseline(IReadOnlyList<Entry> entries) => Entries = entries;

    public IReadOnlyList<Entry> Entries { get; }

    public static Baseline Empty { get; } = new([]);

    public static Baseline Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"--baseline: {path}: no such file");
        var entries = new List<Entry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Split('#')[0].Trim();
            if (text.Length == 0) continue;
            var source = $"{Path.GetFileName(path)}:{i + 1}";
            var m = EntryPattern().Match(text);
            if (!m.Success)
                throw new FormatException($"{source}: expected 'BACKEND@DEVICE CASE_PATTERN REASON' or 'BACKEND@DEVICE diagnosis=\"PATTERN\" REASON', got '{text}'");
            var byDiagnosis = m.Groups["diagnosis"].Success;
            entries.Add(new Entry(m.Groups["backend"].Value, m.Groups["device"].Value,
                byDiagnosis ? m.Groups["diagnosis"].Value : m.Groups["case"].Value, m.Groups["reason"].Value.Trim(), source, byDiagnosis));
        }
        return new Baseline(entries);
    }

    /// <summary>
    /// Failing or erroring results that no entry covers are new; entries whose results all pass
    /// now (and that matched at least one result) can be trimmed.
    /// </summary>
    public Verdict Classify(IReadOnlyList<CaseResult> results)
    {
        var known = new List<(CaseResult, Entry)>();
        var fresh = new List<CaseResult>();
        foreach (var r in results.Where(r => r.Status is Status.Fail or Status.Error))
        {
            var entry = Entries.FirstOrDefault(e => e.Matches(r));
            if (entry is null) fresh.Add(r);
            else known.Add((r, entry));
        }
        var nowPassing = Entries
            .Where(e => results.Any(e.Matches) && results.Where(e.Matches).All(r => r.Status is Status.Pass or Status.NotApplicable))
            .ToList();
        return new Verdict(fresh, known, nowPassing);
    }
}
