using System.Globalization;

namespace AccuracyHarness.OpenCL.Interop;

/// <summary>
/// A failed OpenCL call: names the call and the status. A failed program build carries the
/// device's build log, which is what a kernel author needs to see.
/// </summary>
public sealed class ClException : Exception
{
    public ClException(string call, int status, string? buildLog = null)
        : base(Describe(call, status, buildLog))
    {
        Call = call;
        Status = status;
        BuildLog = buildLog;
    }

    public string Call { get; }

    public int Status { get; }

    public string? BuildLog { get; }

    private static string Describe(string call, int status, string? buildLog)
    {
        var text = $"{call} failed with {ClStatus.Name(status)} ({status.ToString(CultureInfo.InvariantCulture)})";
        return string.IsNullOrWhiteSpace(buildLog) ? text : $"{text}; build log:\n{buildLog.TrimEnd()}";
    }
}
