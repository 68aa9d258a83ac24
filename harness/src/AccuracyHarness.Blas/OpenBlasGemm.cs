using System.Numerics;
using System.Runtime.InteropServices;
using AccuracyHarness.Blas.Interop;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Blas;

/// <summary>
/// The reference's matrix products through OpenBLAS: dgemm for the values, sgemm for the |addend| sums. OpenBLAS
/// splits a product across its threads by rows and columns of the result, never along the sum, so an element's sum
/// runs in the same order whatever the thread count; the count is the process's, set when this is made.
/// </summary>
public sealed unsafe class OpenBlasGemm : IGemm
{
    private OpenBlasGemm()
    {
    }

    public static bool IsAvailable(out string reason) => OpenBlasLibrary.IsAvailable(out reason);

    /// <summary>OpenBLAS with <paramref name="threads"/> threads for every product in the process; null when it is missing.</summary>
    public static OpenBlasGemm? Create(int threads, out string reason)
    {
        if (!IsAvailable(out reason)) return null;
        OpenBlasNative.openblas_set_num_threads(Math.Max(1, threads));
        return new OpenBlasGemm();
    }

    /// <summary>The build (version, kernel, threading) and the threads it runs, for the environment lines.</summary>
    public static string Describe()
    {
        var config = Marshal.PtrToStringUTF8((nint)OpenBlasNative.openblas_get_config())?.Trim();
        return $"{config}, {OpenBlasNative.openblas_get_num_threads()} threads";
    }

    public void MultiplyTransposed(int m, int n, int k, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, Span<double> c) =>
        Multiply(&OpenBlasNative.cblas_dgemm, m, n, k, a, lda, b, ldb, c);

    public void MultiplyTransposed(int m, int n, int k, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c) =>
        Multiply(&OpenBlasNative.cblas_sgemm, m, n, k, a, lda, b, ldb, c);

    private static void Multiply<T>(delegate*<int, int, int, int, int, int, T, T*, int, T*, int, T, T*, int, void> gemm, int m, int n,
        int k, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c)
        where T : unmanaged, INumberBase<T>
    {
        Check(m, n, k, a.Length, lda, b.Length, ldb, c.Length);
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            gemm(OpenBlasNative.RowMajor, OpenBlasNative.Trans, OpenBlasNative.NoTrans, m, n, k, T.One, pa, lda, pb, ldb, T.Zero, pc, n);
        }
    }

    /// <summary>The library reads and writes through the pointers without bounds: the spans must hold what it will touch.</summary>
    private static void Check(int m, int n, int k, int aLength, int lda, int bLength, int ldb, int cLength)
    {
        if (m <= 0 || n <= 0 || k <= 0) throw new ArgumentOutOfRangeException(nameof(m), $"sizes must be positive: {m}x{n}x{k}");
        if (lda < m || ldb < n) throw new ArgumentOutOfRangeException(nameof(lda), $"lda {lda} < m {m} or ldb {ldb} < n {n}");
        Holds(aLength, ((long)(k - 1) * lda) + m, "a");
        Holds(bLength, ((long)(k - 1) * ldb) + n, "b");
        Holds(cLength, (long)m * n, "c");
    }

    private static void Holds(int length, long needed, string name)
    {
        if (length < needed) throw new ArgumentException($"{name} holds {length} elements, needs {needed}", name);
    }
}
