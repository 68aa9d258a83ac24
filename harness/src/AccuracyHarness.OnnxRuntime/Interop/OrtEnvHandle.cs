namespace AccuracyHarness.OnnxRuntime.Interop;

internal sealed unsafe class OrtEnvHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseEnv;
}
