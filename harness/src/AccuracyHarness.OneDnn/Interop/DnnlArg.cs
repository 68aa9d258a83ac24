namespace AccuracyHarness.OneDnn.Interop;

/// <summary>DNNL_ARG_* execution argument indices.</summary>
public static class DnnlArg
{
    public const int Src = 1;
    public const int Dst = 17;
    public const int Weights = 33;
    public const int Bias = 41;
    public const int From = Src;
    public const int To = Dst;
}
