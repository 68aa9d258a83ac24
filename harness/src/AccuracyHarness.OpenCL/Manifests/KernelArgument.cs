using AccuracyHarness.Core.Suites.Expressions;

namespace AccuracyHarness.OpenCL.Manifests;

/// <summary>One kernel argument: a buffer by role, or a scalar computed from the case (<see cref="Value"/>).</summary>
public sealed record KernelArgument(KernelArgumentKind Kind, ProblemExpression? Value = null)
{
    public const string Choices = "input, output, weights, bias, bias?, params, { \"int\": EXPR } or { \"float\": EXPR }";

    /// <summary>The argument list of the original contract: input, weights, bias, output, params.</summary>
    public static IReadOnlyList<KernelArgument> ContractDeconv { get; } =
    [
        new(KernelArgumentKind.Input), new(KernelArgumentKind.Weights), new(KernelArgumentKind.Bias),
        new(KernelArgumentKind.Output), new(KernelArgumentKind.Params),
    ];

    /// <summary>OpenVINO's deconvolution kernels: input, output, filter, then the bias under <c>#if BIAS_TERM</c>.</summary>
    public static IReadOnlyList<KernelArgument> OpenVinoDeconv { get; } =
    [
        new(KernelArgumentKind.Input), new(KernelArgumentKind.Output), new(KernelArgumentKind.Weights),
        new(KernelArgumentKind.BiasIfPresent),
    ];
}
