using System.Text.RegularExpressions;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Running;

/// <summary>
/// Known divergences, so that a nightly fails only on new ones. One entry a line:
/// <c>BACKEND@DEVICE CASE_PATTERN REASON...</c> or <c>BACKEND@DEVICE diagnosis="PATTERN" REASON...</c>,
/// where the patterns may use <c>*</c> for any text (a case pattern matches the case id, a
/// diagnosis pattern the result's diagnosis) and the reason is required; '#' starts a comment.
/// The backend pattern must cover a known backend: a typo would otherwise never match, silently.
/// </summary>
public sealed partial class Baseline
{
    /// <param name="File">The baseline file's name and <paramref name="Line"/> its line: what a result covered by it names.</param>
    public sealed record Entry(
        string Backend, string Device, string CasePattern, string Reason, string File, int Line, bool ByDiagnosis = false)
    {
        private readonly Regex _pattern = Glob(CasePattern);
        private readonly Regex _backend = Glob(Backend);
        private readonly Regex _device = Glob(Device);

        public bool Matches(CaseResult r) =>
            _backend.IsMatch(r.Subject.Backend) && _device.IsMatch(r.Subject.Device)
            && _pattern.IsMatch(ByDiagnosis ? r.Diagnosis.Text : r.CaseId);

        /// <summary>
        /// Whether the entry's backend pattern covers a known backend name, or a name of a family written
        /// <c>PREFIX*</c> (e.g. <c>ext:*</c>, users' kernels, whose names only their manifests give).
        /// </summary>
        public bool Covers(string known) => known.EndsWith('*')
            ? Backend.Length > known.Length - 1 && Backend.StartsWith(known[..^1], StringComparison.Ordinal)
            : _backend.IsMatch(known);

        /// <summary>What a result this entry covers carries (<see cref="CaseResult.Known"/>).</summary>
        public KnownEntry Reference => new(File, Line, Reason);

        /// <summary>"file:line".</summary>
        public string Source => Reference.Source;

        public override string ToString() =>
            ByDiagnosis ? $"{Backend}@{Device} diagnosis=\"{CasePattern}\" {Reason}" : $"{Backend}@{Device} {CasePattern} {Reason}";

        private static Regex Glob(string pattern) =>
            new("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>How a run's results stand against the baseline.</summary>
    public sealed record Standing(
        IReadOnlyList<CaseResult> New,
        IReadOnlyList<(CaseResult Result, Entry Entry)> Known,
        IReadOnlyList<Entry> NowPassing);

    [GeneratedRegex("^(?<backend>[^@\\s]+)@(?<device>\\S+)\\s+(?:diagnosis=\"(?<diagnosis>[^\"]*)\"|(?<case>\\S+))\\s+(?<reason>\\S.*)$")]
    private static partial Regex EntryPattern();

    public Baseline(IReadOnlyList<Entry> entries) => Entries = entries;

    public IReadOnlyList<Entry> Entries { get; }

    public static Baseline Empty { get; } = new([]);

    /// <param name="backends">The backend names an entry may name (see <see cref="Entry.Covers"/>).</param>
    public static Baseline Load(string path, IReadOnlyCollection<string> backends)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"--baseline: {path}: no such file");
        var entries = new List<Entry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Split('#')[0].Trim();
            if (text.Length == 0) continue;
            var file = Path.GetFileName(path);
            var source = $"{file}:{i + 1}";
            var m = EntryPattern().Match(text);
            if (!m.Success)
                throw new FormatException($"{source}: {Problem(text)} " +
                    "(an entry is 'BACKEND@DEVICE CASE_PATTERN REASON' or 'BACKEND@DEVICE diagnosis=\"PATTERN\" REASON')");
            var byDiagnosis = m.Groups["diagnosis"].Success;
            var pattern = m.Groups["case"].Value;
            if (!byDiagnosis && pattern.StartsWith("diagnosis=", StringComparison.Ordinal))
                throw new FormatException($"{source}: diagnosis: the pattern has no closing quote (write diagnosis=\"PATTERN\")");
            // A case pattern without '*' must be a canonical id: a short or reordered one would never match.
            if (!byDiagnosis && !pattern.Contains('*') && (!CaseId.TryParse(pattern, out var c, out _) || c.Id != pattern))
                throw new FormatException($"{source}: CASE_PATTERN: '{pattern}' is not a canonical case id " +
                    "(write it as `scripts/harness list` prints it, or use '*')");
            var entry = new Entry(m.Groups["backend"].Value, m.Groups["device"].Value,
                byDiagnosis ? m.Groups["diagnosis"].Value : m.Groups["case"].Value, m.Groups["reason"].Value.Trim(), file, i + 1,
                byDiagnosis);
            if (!backends.Any(entry.Covers))
                throw new FormatException($"{source}: BACKEND: '{entry.Backend}' is not a known backend " +
                    $"(known: {string.Join(", ", backends)})");
            entries.Add(entry);
        }
        return new Baseline(entries);
    }

    /// <summary>The result with <see cref="CaseResult.Known"/> set to the entry that covers it, or cleared.</summary>
    public CaseResult Mark(CaseResult r)
    {
        if (Entries.Count == 0 && r.Known is null) return r;
        var entry = r.Status is Status.Fail or Status.Error ? Entries.FirstOrDefault(e => e.Matches(r)) : null;
        return r with { Known = entry?.Reference };
    }

    /// <summary>Which part of a line that is not an entry is wrong.</summary>
    private static string Problem(string text)
    {
        var parts = text.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (!BackendDevice().IsMatch(parts[0]))
            return $"BACKEND@DEVICE: '{parts[0]}' is not BACKEND@DEVICE (e.g. onnxruntime@cpu, opencl-direct@*)";
        var rest = parts.Length > 1 ? parts[1].TrimStart() : "";
        if (rest.StartsWith("diagnosis=\"", StringComparison.Ordinal) && rest.IndexOf('"', 11) < 0)
            return "diagnosis: the pattern has no closing quote";
        return rest.Length == 0 ? "CASE_PATTERN: is required" : "REASON: is required after the pattern (why the divergence is known)";
    }

    [GeneratedRegex("^[^@\\s]+@\\S+$")]
    private static partial Regex BackendDevice();

    /// <summary>
    /// Failing or erroring results that no entry covers are new, and so is every unstable result:
    /// an entry describes a divergence that repeats, which an unstable result does not (and
    /// <see cref="Mark"/> never marks one known). Entries whose results all pass now (and that
    /// matched at least one result) can be trimmed.
    /// </summary>
    public Standing Classify(IReadOnlyList<CaseResult> results)
    {
        var known = new List<(CaseResult, Entry)>();
        var fresh = new List<CaseResult>();
        foreach (var r in results.Where(r => r.Status is Status.Fail or Status.Error or Status.Unstable))
        {
            var entry = r.Status == Status.Unstable ? null : Entries.FirstOrDefault(e => e.Matches(r));
            if (entry is null) fresh.Add(r);
            else known.Add((r, entry));
        }
        var nowPassing = Entries
            .Where(e => results.Any(e.Matches) && results.Where(e.Matches).All(r => r.Status is Status.Pass or Status.NotApplicable))
            .ToList();
        return new Standing(fresh, known, nowPassing);
    }
}
