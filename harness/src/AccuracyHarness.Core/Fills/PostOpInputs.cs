using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Fills;

/// <summary>
/// The operands of a case's post-ops: the destination's previous content that a <c>sum</c> adds (in the destination's
/// type and logical order), and for each post-op in chain order its per-output-channel f32 operand (null for post-ops
/// that have none).
/// </summary>
public sealed record PostOpInputs(Tensor? SumPrior, IReadOnlyList<float[]?> Operands);
