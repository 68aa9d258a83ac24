namespace AccuracyHarness.OpenCL.Kernels;

/// <summary>A complete program text and the line on which the kernel source (after the header) begins.</summary>
public sealed record KernelProgram(string Text, int SourceFirstLine);
