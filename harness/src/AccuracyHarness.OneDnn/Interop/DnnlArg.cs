namespace AccuracyHarness.OneDnn.Interop;

/// <summary>DNNL_ARG_* execution argument indices.</summary>
public static class DnnlArg
{
    public const int Src = 1;
    public const int Src1 = 2;
    public const int Dst = 17;
    public const int Weights = 33;
    public const int Bias = 41;
    public const int From = Src;
    public const int To = Dst;

    /// <summary>DNNL_ARG_ATTR_OUTPUT_SCALES: runtime output scales.</summary>
    public const int OutputScales = 513;

    /// <summary>DNNL_ARG_ATTR_ZERO_POINTS | arg: the runtime zero points of <paramref name="arg"/>.</summary>
    public static int ZeroPoints(int arg) => 4096 | arg;

    /// <summary>DNNL_ARG_ATTR_MULTIPLE_POST_OP(index) | DNNL_ARG_SRC_1: a binary post-op's second operand.</summary>
    public static int PostOpOperand(int index) => (16384 * (index + 1)) | Src1;
}
