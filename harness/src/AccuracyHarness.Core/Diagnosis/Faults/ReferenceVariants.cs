using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Diagnosis.Faults;

/// <summary>
/// The reference run on transformed weights, inputs, scales, zero points or geometry: what the fault models are made of.
/// Every variant goes through the case's <see cref="Epilogue"/>, so a fault of the sum predicts quantized, bf16 and
/// post-op cases as it does plain ones.
/// </summary>
internal static class ReferenceVariants
{
    /// <summary>Names of the spatial axes of the three-axis geometry, outermost first.</summary>
    public static readonly string[] AxisNames = ["z", "y", "x"];

    /// <summary>The name of spatial axis a of the case (x for the last).</summary>
    public static string AxisName(Problem p, int a) => AxisNames[3 - p.Rank + a];

    public static Prediction Run(Problem p, CaseInputs i, float[]? input = null, float[]? weights = null, Axis[]? axes = null) =>
        Run(p, i, i.Bias?.Data, input, weights, axes);

    public static Prediction Run(
        Problem p, CaseInputs i, float[]? bias, float[]? input = null, float[]? weights = null, Axis[]? axes = null)
    {
        var variant = i with
        {
            Input = Replaced(i.Input, input),
            Weights = Replaced(i.Weights, weights),
            Bias = bias is null ? null : new Tensor(p.BiasShape, bias, i.Bias?.StorageType ?? DataType.F32),
        };
        var g = axes is null ? DeconvGeometry.Of(p) : DeconvGeometry.Of(p).WithAxes(axes);
        return Prediction.Of(Epilogue.Apply(p, variant, RawSum(p, variant, g)));
    }

    /// <summary>The reference form's sum before the epilogue: a quantized case's integer sum over the centred source.</summary>
    public static ReferenceResult RawSum(Problem p, CaseInputs inputs, DeconvGeometry g)
    {
        var sum = Epilogue.SumInputs(p, inputs);
        return ReferenceDeconvolution.Gather(g, sum.Input.Data, sum.Weights.Data, sum.Bias?.Data);
    }

    /// <summary>A gather kernel with other index arithmetic; elements it computes from outside its buffers are left open.</summary>
    public static Prediction Gathered(Problem p, CaseInputs inputs, GatherVariant variant)
    {
        var (sums, unknown) = variant.Run(p, Epilogue.SumInputs(p, inputs));
        return Prediction.Of(Epilogue.Apply(p, inputs, sums)) with { Unknown = unknown.Any(u => u) ? unknown : null };
    }

    /// <summary>The correct result stored another way: a fault of the requantization.</summary>
    public static Prediction Stored(Problem p, CaseInputs inputs, Func<Requantization, Requantization> store)
    {
        var correct = ReferenceDeconvolution.Gather(p, inputs);
        return Prediction.Of(correct) with { Requantization = store(correct.Requantization!) };
    }

    /// <summary>The case's inputs with other scales or zero points.</summary>
    public static CaseInputs WithQuantization(CaseInputs inputs, Func<Quantization, Quantization> change) =>
        inputs with { Quantization = change(inputs.Quantization!) };

    private static Tensor Replaced(Tensor t, float[]? data) => data is null ? t : new Tensor(t.Shape, data, t.StorageType);

    /// <summary>Weights with the kernel reversed along the chosen spatial axes.</summary>
    public static float[] Flip(Problem p, float[] w, Func<int, bool> flipAxis)
    {
        var kernel = p.Case.Kernel.ToArray();
        var mask = Enumerable.Range(0, kernel.Length).Where(flipAxis).Sum(a => 1 << a);
        var taps = kernel.Aggregate(1, (product, k) => product * k);
        var result = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
            result[i] = w[(i / taps * taps) + DeconvAsConvolution.FlipTap(i % taps, kernel, mask)];
        return result;
    }

    /// <summary>
    /// The weights an implementation sees when it indexes the IOYX buffer as OIYX: W[g*Cg+c, m] = buffer[(g*Mg+m)*Cg + c].
    /// </summary>
    public static float[] Reinterpret(Problem p, float[] w)
    {
        var taps = (int)p.Case.Kernel.Product();
        var result = new float[w.Length];
        for (var g = 0; g < p.Case.Groups; g++)
        for (var c = 0; c < p.Cg; c++)
        for (var m = 0; m < p.Mg; m++)
        {
            var effective = (((g * p.Cg) + c) * p.Mg) + m;
            var read = (((g * p.Mg) + m) * p.Cg) + c;
            Array.Copy(w, read * taps, result, effective * taps, taps);
        }
        return result;
    }
}
