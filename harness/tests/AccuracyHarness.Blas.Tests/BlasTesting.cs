namespace AccuracyHarness.Blas.Tests;

/// <summary>Shared steps: the tests run the real OpenBLAS and fail (not skip) when it is missing.</summary>
internal static class BlasTesting
{
    public static OpenBlasGemm Gemm(int threads = 2)
    {
        var gemm = OpenBlasGemm.Create(threads, out var reason);
        Assert.That(gemm, Is.Not.Null, () => $"run scripts/setup.sh (it installs libopenblas0-pthread): {reason}");
        return gemm!;
    }
}
