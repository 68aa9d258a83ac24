using System.Text.RegularExpressions;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Known divergences, so that a nightly fails only on new ones. One entry a line:
/// <c>BACKEND@DEVICE CASE_PATTERN REASON...</c>, where BACKEND, DEVICE and CASE_PATTERN may use
/// <c>*</c> for any text and the reason is required; '#' starts a comment.
/// </summary>
public sealed class Baseline
{
    public sealed record Entry(string Backend, string Device, string CasePattern, string Reason, string Source)
    {
        private readonly Regex _case = Glob(CasePattern);
        private readonly Regex _backend = Glob(Backend);
        private readonly Regex _device = Glob(Device);

        public bool Matches(CaseResult r) => _backend.IsMatch(r.Backend) && _device.IsMatch(r.Device) && _case.IsMatch(r.CaseId);

        public override string ToString() => $"{Backend}@{Device} {CasePattern} {Reason}";

        private static Regex Glob(string pattern) => new("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>How a run's results stand against the baseline.</summary>
    public sealed record Verdict(
        IReadOnlyList<CaseResult> New,
        IReadOnlyList<(CaseResult Result, Entry Entry)> Known,
        IReadOnlyList<Entry> NowPassing);

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
            var parts = text.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var at = parts[0].IndexOf('@');
            if (parts.Length < 3 || at <= 0 || at == parts[0].Length - 1)
                throw new FormatException($"{source}: expected 'BACKEND@DEVICE CASE_PATTERN REASON', got '{text}'");
            entries.Add(new Entry(parts[0][..at], parts[0][(at + 1)..], parts[1], parts[2], source));
        }
        return new Baseline(entries);
    }

    /// <summary>
    /// Failing or erroring results that no entry covers are new; entries whose results all pass
    /// now (and that matched at least one result) can be trimmed.
    /// </summary>
    public Verdict Judge(IReadOnlyList<CaseResult> results)
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
