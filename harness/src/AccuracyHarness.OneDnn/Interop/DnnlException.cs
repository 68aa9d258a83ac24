namespace AccuracyHarness.OneDnn.Interop;

/// <summary>A oneDNN call that returned a status other than dnnl_success: names the call and the status.</summary>
public sealed class DnnlException(string call, int status)
    : Exception($"{call} failed with {DnnlStatus.Name(status)} ({status})")
{
    public string Call { get; } = call;

    public int Status { get; } = status;

    public string StatusName => DnnlStatus.Name(Status);

    /// <summary>oneDNN refused the problem (bad geometry, or no implementation) rather than failing at it.</summary>
    public bool IsRefusal => Status is DnnlStatus.InvalidArguments or DnnlStatus.Unimplemented;
}
