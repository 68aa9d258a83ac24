using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Reports.Runs;

/// <summary>
/// The result table stored in one or more run folders (shards of one run, or a run resumed):
/// their results.jsonl concatenated in the order given, a later row replacing an earlier one
/// with the same key, and their run.json environments merged.
/// </summary>
public sealed record StoredRuns(ResultTable Table, int Shards, int Rows, int Replaced)
{
    public const string ResultsFile = ResultJson.FileName;

    public static StoredRuns Read(IReadOnlyList<string> folders)
    {
        var results = new List<CaseResult>();
        var position = new Dictionary<ResultKey, int>();
        int rows = 0, replaced = 0;
        foreach (var folder in folders)
        {
            foreach (var result in ResultJson.ReadFile(Path.Combine(folder, ResultsFile)))
            {
                rows++;
                if (position.TryGetValue(result.Key, out var at))
                {
                    results[at] = result;
                    replaced++;
                }
                else
                {
                    position[result.Key] = results.Count;
                    results.Add(result);
                }
            }
        }
        var infos = folders.Select(RunJson.TryRead).OfType<RunInfo>().ToList();
        var info = Merge(infos);
        if (folders.Count > 1)
            info = info with { Environment = [.. info.Environment,
                new("merged", $"{folders.Count} folders: {string.Join(", ", folders)}")] };
        return new StoredRuns(new ResultTable(results, info), folders.Count, rows, replaced);
    }

    /// <summary>
    /// One environment for several shards: each name once, in first-seen order, with its distinct
    /// values joined (shards on different machines show both); the earliest start.
    /// </summary>
    private static RunInfo Merge(IReadOnlyList<RunInfo> infos)
    {
        var environment = infos.SelectMany(i => i.Environment)
            .GroupBy(p => p.Key)
            .Select(g => new KeyValuePair<string, string>(g.Key, string.Join(" | ", g.Select(p => p.Value).Distinct())))
            .ToList();
        return new RunInfo(environment)
        {
            Started = infos.Select(i => i.Started).Where(s => s is not null).Min(),
            CommandLine = string.Join("\n", infos.Select(i => i.CommandLine).Where(c => c.Length > 0).Distinct()),
        };
    }
}
