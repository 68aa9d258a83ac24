using System.Text;

namespace AccuracyHarness.Core.Results;

/// <summary>Appends each case's results to results.jsonl and flushes them, so a crash loses no finished case.</summary>
public sealed class JsonLinesWriter : Running.IRunObserver, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public JsonLinesWriter(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
    }

    public void OnCase(IReadOnlyList<CaseResult> results)
    {
        lock (_gate)
        {
            foreach (var result in results) _writer.WriteLine(ResultJson.ToLine(result));
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
