using System.Runtime.InteropServices;

namespace AccuracyHarness.Blas.Interop;

/// <summary>
/// The OpenBLAS calls the harness uses (signatures from cblas.h and OpenBLAS's own openblas_* extensions);
/// nothing outside this folder calls native code.
/// </summary>
internal static unsafe partial class OpenBlasNative
{
    private const string Library = OpenBlasLibrary.FileName;

    public const int RowMajor = 101;
    public const int NoTrans = 111;
    public const int Trans = 112;

    /// <summary>Installs <see cref="OpenBlasLibrary"/>'s resolver before the first call binds.</summary>
    static OpenBlasNative() => OpenBlasLibrary.IsAvailable(out _);

    [LibraryImport(Library)]
    internal static partial void cblas_dgemm(int order, int transA, int transB, int m, int n, int k, double alpha, double* a, int lda,
        double* b, int ldb, double beta, double* c, int ldc);

    [LibraryImport(Library)]
    internal static partial void cblas_sgemm(int order, int transA, int transB, int m, int n, int k, float alpha, float* a, int lda,
        float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library)]
    internal static partial void openblas_set_num_threads(int threads);

    [LibraryImport(Library)]
    internal static partial int openblas_get_num_threads();

    [LibraryImport(Library)]
    internal static partial byte* openblas_get_config();
}
