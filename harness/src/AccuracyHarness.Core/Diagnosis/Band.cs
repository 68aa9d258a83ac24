namespace AccuracyHarness.Core.Diagnosis;

/// <summary>The spatial bands of one output axis, where different taps reach (docs/ARCHITECTURE.md section 8).</summary>
public enum Band { Front, Interior, Back }
