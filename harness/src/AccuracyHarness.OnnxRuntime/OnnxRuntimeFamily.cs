using AccuracyHarness.Core.Backends;
using AccuracyHarness.Onnx;
using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>
/// The ONNX Runtime family: <c>onnxruntime</c> and <c>onnxruntime-wdyn</c> (device "cpu"), both
/// reading <see cref="OnnxRuntimeOptions"/>. The native library is loaded at first use. Its
/// native cache is <see cref="Sessions"/>, shared by both backends for the whole process.
/// </summary>
public sealed class OnnxRuntimeFamily : IBackendFamily
{
    /// <summary>Sessions kept for the process, the least recently used evicted first (each backend kept 64 of its own before).</summary>
    public const int SessionCapacity = 128;

    internal static SessionCache Sessions { get; } = new(SessionCapacity);

    public const string Id = "onnxruntime";

    public string Name => Id;

    public IReadOnlyList<BackendOption> Options => OnnxRuntimeOptions.All;

    public bool IsAvailable(out string reason) => OrtRuntimeInfo.IsAvailable(out reason);

    public string Describe() => OrtRuntimeInfo.Describe();

    public void Register(BackendCatalogue catalogue) => catalogue
        .Add(this, OnnxRuntimeBackend.InitializerId, "ONNX Runtime CPU ConvTranspose, weights as an initializer (prepacked)",
            s => [new OnnxRuntimeBackend(WeightsSource.Initializer, OnnxRuntimeOptions.From(s))])
        .Add(this, OnnxRuntimeBackend.DynamicWeightsId, "ONNX Runtime CPU ConvTranspose, weights as a graph input",
            s => [new OnnxRuntimeBackend(WeightsSource.GraphInput, OnnxRuntimeOptions.From(s))]);
}
