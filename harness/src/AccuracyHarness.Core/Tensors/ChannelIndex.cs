using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Tensors;

/// <summary>
/// The channel (second axis) of a flat logical index of an [N, C, spatial...] tensor, with the plane size worked out
/// once: per-element loops over channels' zero points, scales and post-op operands ask it for every element.
/// </summary>
public readonly record struct ChannelIndex(long Plane, int Channels)
{
    public static ChannelIndex Of(Dims shape) => new(shape.Product() / (shape[0] * (long)shape[1]), shape[1]);

    public int At(long flat) => (int)(flat / Plane % Channels);
}
