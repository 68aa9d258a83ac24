namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>What one kernel argument receives (manifest field <c>args</c>).</summary>
public enum KernelArgumentKind
{
    Input,
    Output,
    Weights,
    Bias,

    /// <summary>
    /// <c>bias?</c>: the bias buffer, passed only when the case has a bias (kernels that declare it
    /// under <c>#if BIAS_TERM</c>).
    /// </summary>
    BiasIfPresent,
    Params,
    Int,
    Float,
}
