using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>
/// How the harness builds and launches a manifest's kernel (the manifest's version 2 fields, README
/// "Your own kernels"). Fields left out keep the original contract: its argument list, one
/// work-item per output element on a 1-D range, weights in ONNX order, padding lanes written.
/// </summary>
/// <param name="Args">the arguments in order, or null for the dialect's default</param>
/// <param name="Global">work sizes (1 to 3 dimensions), or null for the dialect's default</param>
/// <param name="Local">work-group sizes, or null for the driver's choice; ignored when <see cref="LocalGiven"/> is false</param>
/// <param name="LocalGiven">whether the manifest has a <c>local</c> field (its value may be null)</param>
/// <param name="Defines">macros baked in after the generated header, in the manifest's order</param>
/// <param name="Weights">the weights order, or null for the dialect's default</param>
/// <param name="IncludeDirectories">absolute folders passed as <c>-I</c></param>
/// <param name="Requires">OpenCL extensions the device must report</param>
public sealed record KernelLaunch(
    KernelDialect Dialect,
    IReadOnlyList<KernelArgument>? Args,
    IReadOnlyList<ProblemExpression>? Global,
    IReadOnlyList<ProblemExpression>? Local,
    bool LocalGiven,
    IReadOnlyList<KeyValuePair<string, ProblemExpression>> Defines,
    WeightsOrder? Weights,
    IReadOnlyList<string> IncludeDirectories,
    IReadOnlyList<string> Requires,
    PaddingLanes PaddingLanes)
{
    public static KernelLaunch Contract { get; } =
        new(KernelDialect.Harness, null, null, null, false, [], null, [], [], PaddingLanes.Written);

    /// <summary>The weights order the kernel reads: the manifest's, else its dialect's (OpenVINO: unflipped OIYX).</summary>
    public WeightsOrder EffectiveWeights => Weights ?? (Dialect == KernelDialect.OpenVino ? WeightsOrder.Oiyx : WeightsOrder.Ioyx);
}
