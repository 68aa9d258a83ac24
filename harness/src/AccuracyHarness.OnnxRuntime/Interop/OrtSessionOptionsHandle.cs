namespace AccuracyHarness.OnnxRuntime.Interop;

internal sealed unsafe class OrtSessionOptionsHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseSessionOptions;
}
