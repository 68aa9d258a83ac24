namespace AccuracyHarness.Core.Results;

/// <summary>What a failing result's diagnosis rests on; <see cref="None"/> for results that did not fail.</summary>
public enum DiagnosisKind
{
    None,

    /// <summary>The backend named a known issue for the case (<see cref="ResultDiagnosis.KnownIssues"/>).</summary>
    KnownIssue,

    /// <summary>A fault model reproduces the output (<see cref="ResultDiagnosis.FaultModel"/>).</summary>
    FaultModel,

    /// <summary>No model reproduces it; <see cref="ResultDiagnosis.FaultModel"/> comes closest.</summary>
    ClosestFaultModel,

    /// <summary>No model comes near.</summary>
    Unexplained,

    /// <summary>The numbers agree but the device reported a problem (<see cref="ResultDiagnosis.Findings"/>).</summary>
    DeviceFinding,

    /// <summary>Padding lanes of a blocked output were written.</summary>
    PaddingLanesWritten,

    /// <summary>The output is all zeros where the reference is not.</summary>
    AllZeros,
}
