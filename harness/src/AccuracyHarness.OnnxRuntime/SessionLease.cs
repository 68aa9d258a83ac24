using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>A rented session; disposing the lease lets an evicted session be released.</summary>
internal readonly struct SessionLease(OrtSession session) : IDisposable
{
    public OrtSession Session { get; } = session;

    public void Dispose() => Session.ReleaseLease();
}
