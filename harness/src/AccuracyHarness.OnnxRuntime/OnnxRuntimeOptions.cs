using AccuracyHarness.Core.Backends;
using AccuracyHarness.Onnx;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>The ONNX Runtime backends' typed options, read from <see cref="BackendSettings"/>.</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary>Declared first: the option descriptions below are built from it.</summary>
    private static readonly int DefaultOpset = new ConvTransposeModelOptions().Opset;

    public static readonly BackendOption F16Casts = new("ort-f16-casts",
        "Run f16 cases on ONNX Runtime in f32 between Cast nodes (it has no CPU f16 ConvTranspose; otherwise n/a).");

    public static readonly BackendOption Threads = new("ort-threads", "ONNX Runtime intra-op threads per session (default 1).", "N");

    public static readonly BackendOption OpsetOption = new("ort-opset",
        $"The ONNX opset of the models given to ONNX Runtime (default {DefaultOpset}; at least {ConvTransposeModelOptions.MinimumOpset}).",
            "N");

    public static IReadOnlyList<BackendOption> All { get; } = [F16Casts, Threads, OpsetOption];

    /// <summary>Run f16 cases in f32 between Cast nodes (ONNX Runtime has no CPU f16 ConvTranspose).</summary>
    public bool F16ViaCasts { get; init; }

    /// <summary>The model's opset (ONNX Runtime rejects opsets newer than it knows).</summary>
    public int Opset { get; init; } = DefaultOpset;

    /// <summary>Intra-op threads per session (default 1: the runner already parallelises across cases).</summary>
    public int IntraOpThreads { get; init; } = 1;

    public static OnnxRuntimeOptions From(BackendSettings settings) => new()
    {
        F16ViaCasts = settings.Flag(F16Casts),
        IntraOpThreads = settings.Number(Threads, 1, minimum: 1),
        Opset = settings.Number(OpsetOption, DefaultOpset, ConvTransposeModelOptions.MinimumOpset),
    };

    /// <summary>The command-line flags that give these options (empty for the defaults).</summary>
    public string ReproArguments => BackendOption.Join(
        [F16Casts.Repro(F16ViaCasts), Threads.Repro(IntraOpThreads, 1), OpsetOption.Repro(Opset, DefaultOpset)]);
}
