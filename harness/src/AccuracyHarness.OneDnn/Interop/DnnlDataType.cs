namespace AccuracyHarness.OneDnn.Interop;

/// <summary>The dnnl_data_type_t values the harness uses.</summary>
public enum DnnlDataType
{
    F16 = 1,
    BF16 = 2,
    F32 = 3,
    S32 = 4,
    S8 = 5,
    U8 = 6,
}
