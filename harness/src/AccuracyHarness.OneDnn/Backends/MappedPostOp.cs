using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OneDnn.Backends;

/// <summary>One post-op in oneDNN's terms: its constants and per-channel operand in the destination's scaled domain.</summary>
public sealed record MappedPostOp(PostOpKind Kind, float A, float B, float[]? Operand);
