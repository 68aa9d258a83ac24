namespace AccuracyHarness.Cli;

/// <summary>The process exit codes (contract: docs/ARCHITECTURE.md section 9.5).</summary>
public static class ExitCodes
{
    /// <summary>No divergence outside the baseline.</summary>
    public const int Success = 0;

    /// <summary>At least one result failed or could not be computed.</summary>
    public const int Divergence = 1;

    /// <summary>Invalid input or usage.</summary>
    public const int Usage = 2;

    /// <summary>The harness itself or a required backend failed.</summary>
    public const int HarnessFailure = 3;
}
