using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Blas.Tests;

public class OpenBlasGemmTests
{
    /// <summary>
    /// Small integers make every product and sum exact, in double and in single precision, so both products must match
    /// the plain loop bit for bit.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property Multiplies_a_transposed_by_b_with_row_strides() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(1, 9), 3).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(),
            (sizes, slack, seed) =>
            {
                var (m, n, k) = (sizes[0], sizes[1], sizes[2]);
                var random = new Random(seed);
                var (lda, ldb) = (m + slack, n + slack);
                var a = Enumerable.Range(0, k * lda).Select(_ => (double)random.Next(-8, 9)).ToArray();
                var b = Enumerable.Range(0, k * ldb).Select(_ => (double)random.Next(-8, 9)).ToArray();
                var c = new double[m * n];
                BlasTesting.Gemm().MultiplyTransposed(m, n, k, a, lda, b, ldb, c);
                var expected = new double[m * n];
                for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++)
                for (var l = 0; l < k; l++)
                {
                    expected[(i * n) + j] += a[(l * lda) + i] * b[(l * ldb) + j];
                }
                var single = new float[m * n];
                var (af, bf) = (Array.ConvertAll(a, v => (float)v), Array.ConvertAll(b, v => (float)v));
                BlasTesting.Gemm().MultiplyTransposed(m, n, k, af, lda, bf, ldb, single);
                return c.SequenceEqual(expected).Label($"{m}x{n}x{k}, slack {slack}")
                    .And(single.Select(v => (double)v).SequenceEqual(expected).Label($"single precision, {m}x{n}x{k}, slack {slack}"));
            });

    [Test]
    public void Refuses_spans_shorter_than_what_the_library_would_touch()
    {
        var gemm = BlasTesting.Gemm();
        Assert.Throws<ArgumentException>(() => gemm.MultiplyTransposed(2, 3, 4, new double[7], 2, new double[12], 3, new double[6]));
        Assert.Throws<ArgumentException>(() => gemm.MultiplyTransposed(2, 3, 4, new double[8], 2, new double[11], 3, new double[6]));
        Assert.Throws<ArgumentException>(() => gemm.MultiplyTransposed(2, 3, 4, new double[8], 2, new double[12], 3, new double[5]));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => gemm.MultiplyTransposed(2, 3, 4, new double[8], 1, new double[12], 3, new double[6]));
        Assert.DoesNotThrow(() => gemm.MultiplyTransposed(2, 3, 4, new double[8], 2, new double[12], 3, new double[6]));
        Assert.Throws<ArgumentException>(() => gemm.MultiplyTransposed(2, 3, 4, new float[8], 2, new float[12], 3, new float[5]));
        Assert.DoesNotThrow(() => gemm.MultiplyTransposed(2, 3, 4, new float[8], 2, new float[12], 3, new float[6]));
    }

    [Test]
    public void Describes_the_build_and_its_threads()
    {
        BlasTesting.Gemm(1);
        Assert.That(OpenBlasGemm.Describe(), Does.StartWith("OpenBLAS ").And.EndWith(", 1 threads"));
    }
}
