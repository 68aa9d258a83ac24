using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Mutants;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.OneDnn.Backends;

namespace AccuracyHarness.OneDnn.Mutants;

/// <summary>
/// Faults on the oneDNN path, each the kind of mistake an integration makes: the rewrite's weights
/// reorder without its flip (OpenVINO's oneDNN path once had the rotation hard-coded off), and a
/// deconvolution whose padding_r leaves output_padding out (the output oneDNN is asked for then
/// ends where the padding would begin, and the rows it adds are never written), and an int8 mapping that forgets
/// that oneDNN 2.x applies the output scales to the bias.
/// </summary>
public static class OneDnnMutants
{
    public static IReadOnlyList<Mutant> All { get; } =
    [
        new("onednn-reorder-not-flipped", "onednn-replaced with the weights reorder swapping channels but not rotating the kernel",
            FaultCatalogue.WeightsNotFlipped, OneDnnBackend.Device,
            () => new OneDnnReplacedBackend(OneDnnOptions.Default with { ZeroInsertion = true, F16AsF32 = true },
                (p, w) => DeconvAsConvolution.Reorder(p, w, swapChannels: true, flippedAxes: 0), EpilogueMapping.Of)),
        new("onednn-padding-r-without-output-padding",
            "onednn with padding_r = pads_end (output_padding left out) and the output size that follows",
            FaultCatalogue.OutputPaddingDropped, OneDnnBackend.Device,
            () => new OneDnnDeconvolutionBackend(OneDnnOptions.Default with { F16AsF32 = true }, WithoutOutputPadding, EpilogueMapping.Of)),
        new("onednn-bias-not-rescaled",
            "onednn handing a quantized case's real bias to oneDNN as it is, which oneDNN 2.x then multiplies by the output scales "
            + "(bias instead of bias / (s_src * s_wei[oc]))",
            FaultCatalogue.BiasScaled, OneDnnBackend.Device,
            () => new OneDnnDeconvolutionBackend(OneDnnOptions.Default with { F16AsF32 = true }, DeconvMapping.Of,
                (p, inputs) => EpilogueMapping.For(p, inputs, rescaleBias: false))),
    ];

    private static DeconvMapping WithoutOutputPadding(Problem p) =>
        new(p.PadsEnd.Select(pe => (long)pe).ToArray(), p.Output.Map((o, a) => o - p.Case.OutputPadding[a]));
}
