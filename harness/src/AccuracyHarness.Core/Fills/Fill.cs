using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Fills;

/// <summary>
/// Deterministic input fills (docs/ARCHITECTURE.md section 7). Each value is a pure function of the seed,
/// the tensor and the element index (a counter-based generator), so fills do not depend on
/// the order or the thread that computes them, nor on the .NET version.
/// </summary>
public static class Fill
{
    /// <summary>Largest |x| and |w| in exact mode: every product is an integer of at most 8.</summary>
    private const int ExactInputMax = 4;
    private const int ExactWeightMax = 2;
    private const int ExactBiasMax = 8;

    public static CaseInputs For(Problem p)
    {
        var c = p.Case;
        if (c.Types.IsQuantized) return QuantizedFill.For(p);
        // In exact mode, sums stay below 2^24 (so f32 adds no rounding) by thinning the inputs
        // where a sum would have very many terms.
        var terms = (double)p.Cg * c.Kernel.Product();
        var density = Math.Min(1.0, (1 << 20) / (terms * ExactInputMax * ExactWeightMax));
        // The bias is f32 in every configuration but f16's, where the float paths have always stored it as f16.
        var biasType = c.Types.Single == DataType.F16 ? DataType.F16 : DataType.F32;
        return new CaseInputs(
            Values(p.InputShape, c.Types.Source, c.Fill, c.Seed, (ulong)Tag.Input, ExactInputMax, density),
            Values(p.WeightShape, c.Types.Weights, c.Fill, c.Seed, (ulong)Tag.Weights, ExactWeightMax, 1.0),
            c.HasBias ? Values(p.BiasShape, biasType, c.Fill, c.Seed, (ulong)Tag.Bias, ExactBiasMax, 1.0) : null)
        {
            PostOps = PostOpFill.For(p, realSpread: 1, quantization: null),
        };
    }

    /// <summary>The streams of a case's tensors: each tensor's values come from its own stream of the seed.</summary>
    internal enum Tag : ulong { Input = 1, Weights = 2, Bias = 3, ZeroPoints = 4, Scales = 5, SumPrior = 6, Operands = 7 }

    /// <summary>
    /// A tensor of the given shape from the seed and a stream number (streams 1 to 3 are the
    /// case's input, weights and bias). Exact values are integers in [-exactMax, exactMax],
    /// each non-zero with probability <paramref name="density"/>.
    /// </summary>
    public static Tensor Values(Dims shape, DataType type, FillMode fill, ulong seed, ulong stream, int exactMax = ExactInputMax,
        double density = 1.0)
    {
        var data = new float[shape.Product()];
        var start = Start(seed, stream);
        for (var i = 0; i < data.Length; i++)
        {
            var bits = Mix(start + (ulong)i);
            data[i] = fill == FillMode.Exact
                ? ExactValue(bits, exactMax, density)
                : Tensor.Round(UniformSigned(bits), type);
        }
        return new Tensor(shape, data, type);
    }

    /// <summary>The bits of element <paramref name="index"/> of a stream of the seed.</summary>
    internal static ulong Bits(ulong seed, ulong stream, long index) => Mix(Start(seed, stream) + (ulong)index);

    private static ulong Start(ulong seed, ulong stream) => Mix(seed ^ (stream * 0x9E3779B97F4A7C15UL));

    /// <summary>A whole number in [min, max] from an element's bits.</summary>
    internal static int Integer(ulong bits, int min, int max) => min + (int)((bits >> 32) % (ulong)(max - min + 1));

    /// <summary>Uniform in [-1, 1) from the top 53 bits.</summary>
    internal static double UniformSigned(ulong bits) => ((bits >> 11) * (1.0 / (1UL << 53)) * 2.0) - 1.0;

    private static float ExactValue(ulong bits, int max, double density)
    {
        if (density < 1.0 && (bits & 0xFFFFFFFF) * (1.0 / 4294967296.0) >= density) return 0f;
        return (float)((long)((bits >> 32) % (ulong)((2 * max) + 1)) - max);
    }

    /// <summary>SplitMix64's finaliser: a bijective mix with good avalanche.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
