namespace AccuracyHarness.OneDnn.Interop;

/// <summary>The one place where oneDNN's dnnl_status_t values are checked and named.</summary>
public static class DnnlStatus
{
    public const int Success = 0;
    public const int InvalidArguments = 2;
    public const int Unimplemented = 3;

    /// <summary>Throws <see cref="DnnlException"/> naming <paramref name="call"/> unless the status is dnnl_success.</summary>
    public static void Check(int status, string call)
    {
        if (status != Success) throw new DnnlException(call, status);
    }

    public static string Name(int status) => status switch
    {
        0 => "dnnl_success",
        1 => "dnnl_out_of_memory",
        2 => "dnnl_invalid_arguments",
        3 => "dnnl_unimplemented",
        4 => "dnnl_iterator_ends",
        5 => "dnnl_runtime_error",
        6 => "dnnl_not_required",
        _ => $"unknown dnnl_status_t {status}",
    };
}
