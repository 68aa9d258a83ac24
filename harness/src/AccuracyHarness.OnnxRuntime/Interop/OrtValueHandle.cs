namespace AccuracyHarness.OnnxRuntime.Interop;

internal sealed unsafe class OrtValueHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseValue;
}
