namespace AccuracyHarness.OnnxRuntime.Interop;

internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle : OrtHandle
{
    protected override delegate* unmanaged<nint, void> Release => OrtApi.ReleaseTensorTypeAndShapeInfo;
}
