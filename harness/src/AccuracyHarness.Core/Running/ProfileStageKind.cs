namespace AccuracyHarness.Core.Running;

/// <summary>The steps of a run that <see cref="RunProfile"/> times.</summary>
public enum ProfileStageKind
{
    Inputs,
    Reference,
    Backend,
    Comparison,
    Diagnosis,
    Reporting,
}
