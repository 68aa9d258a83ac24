namespace AccuracyHarness.OnnxRuntime.Interop;

internal sealed unsafe class OrtMemoryInfoHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseMemoryInfo;
}
