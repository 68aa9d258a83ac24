using System.Globalization;
using System.Text;
using AccuracyHarness.OpenCL.Interop;

namespace AccuracyHarness.OpenCL.Devices;

/// <summary>
/// Oclgrind's diagnostics, attributed to launches. Oclgrind's logger writes to stderr unless
/// OCLGRIND_LOG names a file, which it opens (truncating) when an Oclgrind context is created
/// and flushes after every message. So the session points OCLGRIND_LOG at a file of its own just
/// before it creates its one context, launches one command at a time, and after each launch
/// reads what was appended since the previous one: those messages belong to that launch.
/// The checks Oclgrind can make are switched on the same way (OCLGRIND_UNINITIALIZED,
/// OCLGRIND_DATA_RACES, OCLGRIND_CHECK_API), and OCLGRIND_MAX_ERRORS is raised because its
/// counter is process-wide: with the default (1000) a long run would go quiet part way.
/// </summary>
internal sealed class OclgrindLog : IDisposable
{
    /// <summary>A launch reports at most this many messages (and how many more there were).</summary>
    private const int MaxMessages = 20;

    private readonly string _path;
    private long _offset;

    private OclgrindLog(string path) => _path = path;

    /// <summary>Sets Oclgrind's environment; call it right before creating the Oclgrind context.</summary>
    public static OclgrindLog Prepare()
    {
        var path = Path.Combine(Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"accuracyharness-oclgrind-{Environment.ProcessId}-{Guid.NewGuid():N}.log"));
        Posix.SetEnvironment("OCLGRIND_LOG", path);
        Posix.SetEnvironment("OCLGRIND_UNINITIALIZED", "1");
        Posix.SetEnvironment("OCLGRIND_DATA_RACES", "1");
        Posix.SetEnvironment("OCLGRIND_CHECK_API", "1");
        Posix.SetEnvironment("OCLGRIND_MAX_ERRORS", "1000000000");
        return new OclgrindLog(path);
    }

    /// <summary>The messages written since the last call, one string per message.</summary>
    public IReadOnlyList<string> TakeNew()
    {
        if (!File.Exists(_path)) return [];
        string text;
        using (var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (stream.Length <= _offset) return [];
            stream.Seek(_offset, SeekOrigin.Begin);
            var bytes = new byte[stream.Length - _offset];
            stream.ReadExactly(bytes);
            _offset += bytes.Length;
            text = Encoding.UTF8.GetString(bytes);
        }
        // Oclgrind surrounds every message with blank lines.
        var messages = text.Replace("\r\n", "\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        if (messages.Count <= MaxMessages) return messages;
        var kept = messages.Take(MaxMessages).ToList();
        kept.Add($"... and {messages.Count - MaxMessages} more Oclgrind messages");
        return kept;
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A log left in the temp folder is harmless; failing the run over it would not be.
        }
    }
}
