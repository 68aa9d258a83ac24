using System.Security.Cryptography;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Onnx;
using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>
/// ONNX Runtime's CPU ConvTranspose on a model built from the case (the QDQ graph for a quantized
/// case, post-op nodes after the ConvTranspose, README "ONNX Runtime"): weights as an
/// initializer (<c>onnxruntime</c>, which ONNX Runtime prepacks at session creation) or as a
/// graph input (<c>onnxruntime-wdyn</c>, a different code path). Sessions are cached by the
/// model's bytes and the thread count, i.e. by everything that shapes the session; with weights
/// as initializers that includes the weights themselves.
/// </summary>
public sealed class OnnxRuntimeBackend : IBackend
{
    public const string InitializerId = "onnxruntime";
    public const string DynamicWeightsId = "onnxruntime-wdyn";
    public const string DeviceId = "cpu";

    public const string F16Unsupported =
        "ONNX Runtime has no CPU ConvTranspose kernel for float16 "
        + "(a float16 model runs only because ONNX Runtime inserts Casts to float itself); "
        + "set option ort-f16-casts=true to run it in f32 between explicit Cast nodes";

    public const string F16CastsNote = "f16 run in f32 between Cast nodes (option ort-f16-casts)";

    public const string BF16Unsupported =
        "ONNX Runtime's CPU provider has no bfloat16 ConvTranspose kernel (the operator takes bfloat16 from opset 22; "
        + "ONNX Runtime registers its CPU ConvTranspose for float only and rejects the model)";

    public const string S32Unsupported =
        "ONNX's QuantizeLinear has no int32 output at any opset (8-, 16-, 4- and 2-bit integers and float8 only), "
        + "so an s32 destination has no QDQ graph";

    /// <summary>The note of every quantized result: what ONNX Runtime ran is not an integer kernel.</summary>
    public const string QuantizedNote =
        "fake quantization: DequantizeLinear -> f32 ConvTranspose -> post-ops -> QuantizeLinear "
        + "(ONNX Runtime's CPU provider has no quantized ConvTranspose kernel)";

    private readonly WeightsSource _weights;
    private readonly OnnxRuntimeOptions _options;
    private readonly SessionCache _sessions;

    /// <summary>A backend on the family's process-wide session cache.</summary>
    public OnnxRuntimeBackend(WeightsSource weights, OnnxRuntimeOptions options)
        : this(weights, options, OnnxRuntimeFamily.Sessions)
    {
    }

    /// <summary>A backend on a cache of its own (tests count its sessions).</summary>
    internal OnnxRuntimeBackend(WeightsSource weights, OnnxRuntimeOptions options, SessionCache sessions)
    {
        _weights = weights;
        _options = options;
        _sessions = sessions;
        Name = weights == WeightsSource.Initializer ? InitializerId : DynamicWeightsId;
    }

    public string Name { get; }

    public string Device => DeviceId;

    public string ReproArguments => _options.ReproArguments;

    public IReadOnlyList<KeyValuePair<string, long>> Counters =>
    [
        new($"{OnnxRuntimeFamily.Id} sessions created", _sessions.Created),
        new($"{OnnxRuntimeFamily.Id} sessions reused", _sessions.Reused),
        new($"{OnnxRuntimeFamily.Id} sessions created again after eviction", _sessions.Recreated),
    ];

    public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        var c = problem.Case;
        if (Refusal(c) is { } reason) return new BackendOutput.NotApplicable(reason);
        try
        {
            var modelOptions = new ConvTransposeModelOptions
            {
                Weights = _weights, F16ViaCasts = _options.F16ViaCasts, Opset = _options.Opset,
            };
            var model = ConvTransposeModel.Build(problem, modelOptions, inputs);
            var bytes = model.ToBytes();
            var key = $"{_options.IntraOpThreads}:{Convert.ToHexString(SHA256.HashData(bytes))}";
            using var lease = _sessions.Rent(key, () => OrtSession.Create(bytes, _options.IntraOpThreads));
            cancellation.ThrowIfCancellationRequested();
            var output = lease.Session.Run(model.Feeds.Select(f => (f.Name, inputs.Get(f.Tensor)!)).ToList(), ConvTransposeModel.Y);
            if (output.Shape != problem.OutputShape)
                return new BackendOutput.Failed(
                    $"ONNX Runtime produced shape {output.Shape}, the case's output shape is {problem.OutputShape}");

            var known = new[]
            {
                OrtPadding.KnownAmbiguity(problem) is { } ambiguity ? new KnownIssue(KnownIssueKind.Ambiguity, ambiguity) : null,
                OrtPadding.KnownDefect(problem) is { } defect ? new KnownIssue(KnownIssueKind.Defect, defect) : null,
                OrtBiasQuantization.KnownDivergence(c, _weights) is { } bias ? new KnownIssue(KnownIssueKind.Defect, bias) : null,
            };
            var note = c.Types.IsQuantized ? QuantizedNote : c.Types.Destination == DataType.F16 ? F16CastsNote : null;
            return new BackendOutput.Produced(output, [], [], 0, note)
            {
                KnownIssues = [.. known.OfType<KnownIssue>()],
            };
        }
        catch (OrtException e)
        {
            return new BackendOutput.Failed(e.Message);
        }
        catch (OnnxRuntimeUnavailableException e)
        {
            return new BackendOutput.Failed(e.Message);
        }
    }

    /// <summary>Why ONNX Runtime cannot run the case as its QDQ or float graph; null when it can.</summary>
    private string? Refusal(DeconvCase c) =>
        c.Types.Source == DataType.BF16 ? BF16Unsupported
        : c.Types.Destination == DataType.S32 ? S32Unsupported
        : c.Types.Single == DataType.F16 && !_options.F16ViaCasts ? F16Unsupported
        : c.Types.IsQuantized && _options.Opset < ConvTransposeModelOptions.MinimumQuantizedOpset
            ? $"ort-opset {_options.Opset} has no per-axis DequantizeLinear and QuantizeLinear; "
              + $"quantized cases need {ConvTransposeModelOptions.MinimumQuantizedOpset} or later"
        : null;
}
