namespace AccuracyHarness.Onnx;

/// <summary>Where the weights (and the bias with them) live in a built model.</summary>
public enum WeightsSource
{
    /// <summary>Constant initializers: a runtime may prepack them when the session is created.</summary>
    Initializer,

    /// <summary>Graph inputs fed at every run: the runtime sees the weights only at run time.</summary>
    GraphInput,
}
