using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Core.Reference;

/// <summary>
/// ONNX ConvTranspose in double precision, in two independent forms that check each other
/// (docs/ARCHITECTURE.md section 3): <see cref="ReferenceGather{TSum}"/> and <see cref="ReferenceScatter"/>.
/// A large case is split across cores by output rows or planes; every task writes its own
/// elements whole, so both forms stay deterministic.
/// </summary>
public static class ReferenceDeconvolution
{
    /// <summary>
    /// Below this many multiply-adds the loops run on one thread: small cases are many, and
    /// <c>--jobs</c> runs them side by side.
    /// </summary>
    private const long ParallelThreshold = 1 << 18;

    /// <summary>
    /// Gather form: each output element collects its inputs by solving i = (o + pb - t*d) / s
    /// and keeping the taps where i is an integer in range. With <paramref name="gemm"/>, a case
    /// large enough to pay is summed as matrix products instead (<see cref="ReferenceColumns"/>).
    /// </summary>
    /// <remarks>
    /// A quantized case sums the centred integers exactly (the bias joins in the real domain), and
    /// <see cref="Epilogue"/> turns every form's sum into the real result.
    /// </remarks>
    public static ReferenceResult Gather(Problem p, CaseInputs inputs, IGemm? gemm = null)
    {
        var g = DeconvGeometry.Of(p);
        var sum = Epilogue.SumInputs(p, inputs);
        var raw = gemm is not null && ReferenceColumns.Pays(g)
            ? new ReferenceColumns(g, sum.Input.Data, sum.Weights.Data, sum.Bias?.Data, gemm, inputs.Quantization is not null).Sums()
            : Gather(g, sum.Input.Data, sum.Weights.Data, sum.Bias?.Data);
        return Epilogue.Apply(p, inputs, raw);
    }

    /// <param name="rounding">
    /// Applied to every product and partial sum when given: a model of an implementation that
    /// accumulates in a narrower type (the half-precision accumulation fault).
    /// </param>
    public static ReferenceResult Gather(DeconvGeometry g, float[] x, float[] w, float[]? bias, Func<double, double>? rounding = null) =>
        rounding is null
            ? new ReferenceGather<DoubleSum>(g, x, w, bias, default).Run()
            : new ReferenceGather<RoundedSum>(g, x, w, bias, new RoundedSum(rounding)).Run();

    /// <summary>
    /// Scatter form: each input element spreads x*w into the outputs o = i*s + t*d - pb that
    /// fall inside the output (the transposed convolution matrix applied to x). With
    /// <paramref name="gemm"/>, a case large enough to pay is summed as matrix products instead.
    /// </summary>
    public static double[] Scatter(Problem p, CaseInputs inputs, IGemm? gemm = null)
    {
        var g = DeconvGeometry.Of(p);
        var sum = Epilogue.SumInputs(p, inputs);
        var raw = gemm is not null && ReferenceColumns.Pays(g)
            ? new ReferenceColumns(g, sum.Input.Data, sum.Weights.Data, sum.Bias?.Data, gemm).Output()
            : new ReferenceScatter(g, sum.Input.Data, sum.Weights.Data, sum.Bias?.Data).Run();
        return Epilogue.Apply(p, inputs, raw);
    }

    /// <summary>Runs body(0..count-1), on every core when the case is large.</summary>
    internal static void For(DeconvGeometry g, int count, Action<int> body)
    {
        if (g.Work < ParallelThreshold)
        {
            for (var i = 0; i < count; i++) body(i);
        }
        else
        {
            Parallel.For(0, count, body);
        }
    }
}
