namespace AccuracyHarness.Core.Reference;

/// <summary>
/// Matrix products in double and single precision from outside Core (a BLAS, wired by the command line), which the
/// reference runs its large cases through (<see cref="ReferenceColumns"/>); Core itself loads no native
/// library (docs/ARCHITECTURE.md section 1). It must give the same bits for the same call every time.
/// </summary>
public interface IGemm
{
    /// <summary>
    /// c = a^T * b, row-major: a is k x m with rows lda apart, b is k x n with rows ldb apart, c is m x n
    /// dense (its rows n apart) and overwritten.
    /// </summary>
    void MultiplyTransposed(int m, int n, int k, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c);

    /// <summary>
    /// The same product in single precision (the bounds' |addend| sums, whose error <see cref="ReferenceColumns"/> bounds):
    /// each element a sum of k products in some order, with nothing but rounding to nearest between them.
    /// </summary>
    void MultiplyTransposed(int m, int n, int k, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c);
}
