using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// How a real value becomes an integer destination's value (README "Data types (contract)"):
/// <c>dst_q = saturate(round_half_to_even(real / scale) + zero_point)</c>.
/// </summary>
public sealed record Requantization(float Scale, int ZeroPoint, DataType Destination)
{
    public float Store(double real) => Tensor.Saturate(Math.Round(real / Scale, MidpointRounding.ToEven) + ZeroPoint, Destination);

    /// <summary>
    /// The lowest and highest values a correct evaluation can store when its real value may be off by
    /// <paramref name="error"/>: <see cref="Store"/> is monotonic, so every integer between them is admissible too.
    /// </summary>
    public (float Low, float High) Admissible(double real, double error) => (Store(real - error), Store(real + error));
}
