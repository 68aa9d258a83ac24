namespace AccuracyHarness.Cli.Isolation;

/// <summary>
/// The line protocol between a run and its worker processes (--isolate). The parent sends
/// <c>case ID\tSOURCE\tSKIP_KEYS</c> (keys comma-separated); the worker answers with
/// <c>start KEY</c> before each backend, <c>result JSON</c> after it, and <c>done</c> after the case.
/// </summary>
public static class WorkerProtocol
{
    public const string Case = "case ";
    public const string Start = "start ";
    public const string Result = "result ";
    public const string Done = "done";

    /// <summary>The hidden option that makes `run` a worker.</summary>
    public const string WorkerFlag = "--worker";
}
