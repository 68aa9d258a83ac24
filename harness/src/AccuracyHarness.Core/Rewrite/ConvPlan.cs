using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Reference;

namespace AccuracyHarness.Core.Rewrite;

/// <summary>
/// The convolution a rule rewrites a deconvolution into. <see cref="ZeroInsertStrides"/> is set
/// when the input first gets s-1 zeros between neighbours (then <see cref="Conv"/>'s input is
/// the zero-inserted one). <see cref="PadsEnd"/> is the end pad the rule computes; the kernel
/// needs only the begin pads and the output size.
/// </summary>
public sealed record ConvPlan(ConvGeometry Conv, Dims PadsEnd, Dims? ZeroInsertStrides);
