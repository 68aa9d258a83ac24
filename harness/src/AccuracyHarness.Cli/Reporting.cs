using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Reports;

namespace AccuracyHarness.Cli;

/// <summary>What a run writes at its end, as `run` and `benchmark` both do it: run.json and every default report, each timed.</summary>
public static class Reporting
{
    public static void Write(ResultTable table, string directory, RunProfile profile)
    {
        profile.Time(ProfileStage.Reporting(RunJson.FileName), () =>
        {
            RunJson.Write(table.Info, directory);
            return true;
        });
        Exporters.Export(table, directory, profile: profile);
    }
}
