namespace AccuracyHarness.OneDnn.Interop;

/// <summary>The dnnl_data_type_t values the harness uses.</summary>
public enum DnnlDataType
{
    F16 = 1,
    F32 = 3,
}
