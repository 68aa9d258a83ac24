namespace AccuracyHarness.Core.Results;

/// <summary>Writes one report format of a result table into a folder.</summary>
public interface IExporter
{
    /// <summary>The file it writes (e.g. results.csv).</summary>
    string FileName { get; }

    void Export(ResultTable table, string directory);
}
