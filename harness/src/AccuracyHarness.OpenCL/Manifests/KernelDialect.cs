namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>Which macros the harness generates for a kernel (manifest field <c>dialect</c>).</summary>
public enum KernelDialect
{
    /// <summary>The harness's own header (README "Your own kernels").</summary>
    Harness,

    /// <summary>The JIT constants OpenVINO's kernel selector generates (OpenVinoJit).</summary>
    OpenVino,
}
