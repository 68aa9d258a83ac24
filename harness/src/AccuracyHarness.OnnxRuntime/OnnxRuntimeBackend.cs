using System.Globalization;
using System.Security.Cryptography;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Onnx;
using AccuracyHarness.OnnxRuntime.Interop;

namespace AccuracyHarness.OnnxRuntime;

/// <summary>Settings of the ONNX Runtime backends, read from <see cref="BackendSettings.Options"/>.</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary>"true": run f16 cases in f32 between Cast nodes (ONNX Runtime has no CPU f16 ConvTranspose).</summary>
    public const string F16CastsOption = "ort-f16-casts";

    /// <summary>ONNX Runtime's intra-op threads per session (default 1: the runner already parallelises across cases).</summary>
    public const string ThreadsOption = "ort-threads";

    /// <summary>The model's opset (11 or later; ONNX Runtime rejects opsets newer than it knows).</summary>
    public const string OpsetOption = "ort-opset";

    public bool F16ViaCasts { get; init; }

    public int Opset { get; init; } = new ConvTransposeModelOptions().Opset;

    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Sessions kept per backend; the least recently used goes first.</summary>
    public int SessionCacheCapacity { get; init; } = 64;

    public static OnnxRuntimeOptions From(BackendSettings settings)
    {
        var options = new OnnxRuntimeOptions();
        if (settings.Options.TryGetValue(F16CastsOption, out var casts))
        {
            options = options with
            {
                F16ViaCasts = bool.TryParse(casts, out var b) ? b
                    : throw new ArgumentException($"option {F16CastsOption}={casts}: expected true or false"),
            };
        }
        if (settings.Options.TryGetValue(ThreadsOption, out var threads))
        {
            options = options with
            {
                IntraOpThreads = int.TryParse(threads, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
                    : throw new ArgumentException($"option {ThreadsOption}={threads}: expected a whole number >= 1"),
            };
        }
        if (settings.Options.TryGetValue(OpsetOption, out var opset))
        {
            options = options with
            {
                Opset = int.TryParse(opset, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= ConvTransposeModelOptions.MinimumOpset ? n
                    : throw new ArgumentException($"option {OpsetOption}={opset}: expected a whole number >= {ConvTransposeModelOptions.MinimumOpset}"),
            };
        }
        return options;
    }
}

/// <summary>
/// ONNX Runtime's CPU ConvTranspose on a one-node model built from the case: weights as an
/// initializer (<c>onnxruntime</c>, which ONNX Runtime prepacks at session creation) or as a
/// graph input (<c>onnxruntime-wdyn</c>, a different code path). Sessions are cached by the
/// model's bytes, i.e. by everything that shapes the model; with weights as initializers that
/// includes the weights themselves.
/// </summary>
public sealed class OnnxRuntimeBackend : IBackend
{
    public const string InitializerId = "onnxruntime";
    public const string DynamicWeightsId = "onnxruntime-wdyn";
    public const string DeviceId = "cpu";

    public const string F16Unsupported =
        "ONNX Runtime has no CPU ConvTranspose kernel for float16 (a float16 model runs only because ONNX Runtime inserts Casts to float itself); " +
        "set option ort-f16-casts=true to run it in f32 between explicit Cast nodes";

    public const string F16CastsNote = "f16 run in f32 between Cast nodes (option ort-f16-casts)";

    private readonly WeightsSource _weights;
    private readonly OnnxRuntimeOptions _options;
    private readonly SessionCache _sessions;

    public OnnxRuntimeBackend(WeightsSource weights, OnnxRuntimeOptions options)
    {
        _weights = weights;
        _options = options;
        _sessions = new SessionCache(options.SessionCacheCapacity);
        Name = weights == WeightsSource.Initializer ? InitializerId : DynamicWeightsId;
    }

    public string Name { get; }

    public string Device => DeviceId;

    public string ReproArguments => _options.F16ViaCasts ? "--ort-f16-casts" : "";

    /// <summary>Sessions this backend created (a repeated model signature reuses its session instead).</summary>
    public long SessionsCreated => _sessions.Created;

    public long SessionReuses => _sessions.Reused;

    public IReadOnlyList<KeyValuePair<string, long>> Counters =>
        [new("sessions created", SessionsCreated), new("sessions reused", SessionReuses), new("sessions created again after eviction", _sessions.Recreated)];

    public BackendOutput Run(Problem problem, CaseInputs inputs, CancellationToken cancellation)
    {
        var c = problem.Case;
        if (c.DataType == DataType.F16 && !_options.F16ViaCasts)
            return new BackendOutput.NotApplicable(F16Unsupported);
        try
        {
            var model = ConvTransposeModel.Build(problem, new ConvTransposeModelOptions { Weights = _weights, F16ViaCasts = _options.F16ViaCasts, Opset = _options.Opset }, inputs);
            var bytes = model.ToBytes();
            using var lease = _sessions.Rent(Convert.ToHexString(SHA256.HashData(bytes)), () => OrtSession.Create(bytes, _options.IntraOpThreads));
            cancellation.ThrowIfCancellationRequested();
            var feeds = model.Feeds.Select(f => (f.Name, inputs.Get(f.Tensor)!)).ToList();
            var output = lease.Session.Run(feeds, ConvTransposeModel.Y);
            if (output.Shape != problem.OutputShape)
                return new BackendOutput.Failed($"ONNX Runtime produced shape {output.Shape}, the case's output shape is {problem.OutputShape}");

            var notes = new[] { c.DataType == DataType.F16 ? F16CastsNote : null, OrtPadding.KnownAmbiguity(problem), OrtPadding.KnownDefect(problem) }
                .Where(n => n is not null).ToList();
            return new BackendOutput.Produced(output, [], [], 0, notes.Count == 0 ? null : string.Join("; ", notes));
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
}

/// <summary>The registration point of the ONNX Runtime backends.</summary>
public static class OnnxRuntimeBackends
{
    /// <summary>
    /// Adds <c>onnxruntime</c> and <c>onnxruntime-wdyn</c> (device "cpu") to the catalogue; both
    /// read the options ort-f16-casts, ort-threads and ort-opset. The native library is loaded at first use.
    /// </summary>
    public static BackendCatalogue Register(BackendCatalogue catalogue) => catalogue
        .Add(OnnxRuntimeBackend.InitializerId, "ONNX Runtime CPU ConvTranspose, weights as an initializer (prepacked)",
            s => [new OnnxRuntimeBackend(WeightsSource.Initializer, OnnxRuntimeOptions.From(s))])
        .Add(OnnxRuntimeBackend.DynamicWeightsId, "ONNX Runtime CPU ConvTranspose, weights as a graph input",
            s => [new OnnxRuntimeBackend(WeightsSource.GraphInput, OnnxRuntimeOptions.From(s))]);

    /// <summary>The options as the catalogue's factories read them from named settings.</summary>
    public static OnnxRuntimeOptions Options(Dictionary<string, string> options) => OnnxRuntimeOptions.From(new BackendSettings { Options = options });
}
