namespace AccuracyHarness.Core.Diagnosis;

/// <summary>One concrete fault a model proposes for a case (a model may propose one per axis).</summary>
public sealed record Hypothesis(string Model, string Detail, Prediction Prediction);
