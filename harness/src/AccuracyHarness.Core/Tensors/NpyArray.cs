using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.Core.Tensors;

/// <summary>An array read from a .npy file, widened to double.</summary>
public sealed record NpyArray(Dims Shape, NpyType Type, double[] Values);
