namespace AccuracyHarness.OnnxRuntime.Interop;

internal sealed unsafe class OrtSessionHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseSession;
}
