using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// A grouped convolution with explicit geometry: out[n, oc, o] = bias[oc] + sum over the
/// group's input channels c and taps t of in[n, g*Cig + c, o*s + t*d - pb] * w[oc, c, t],
/// where input positions outside [0, in) contribute nothing. Pads may be negative (a crop);
/// the output size is given, so the end pad is implied.
/// </summary>
public sealed record ConvGeometry(
    int Batch, int InChannels, int OutChannels, int Groups,
    Dims Input, Dims Kernel, Dims Strides, Dims Dilations, Dims PadsBegin, Dims Output)
{
    public int Rank => Input.Count;

    public int InPerGroup => InChannels / Groups;

    public int OutPerGroup => OutChannels / Groups;

    /// <summary>Weights in OIYX order: out channels, in channels per group, kernel.</summary>
    public Dims WeightShape => Dims.From(new[] { OutChannels, InPerGroup }.Concat(Kernel));

    public Dims OutputShape => Dims.From(new[] { Batch, OutChannels }.Concat(Output));

    /// <summary>
    /// The multiply-adds of a direct implementation: every tap of every output, padding included.
    /// With zero insertion it is several times the deconvolution's count (<see cref="ProblemAxes.MultiplyAdds"/>).
    /// </summary>
    public double MultiplyAdds => (double)Batch * OutChannels * Output.Product() * InPerGroup * Kernel.Product();
}
