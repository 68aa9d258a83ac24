namespace AccuracyHarness.Core.Benchdnn;

/// <summary>A line (or a line under some options) that the harness cannot express, and why.</summary>
public sealed record RejectedLine(string Source, string Text, string Reason);
