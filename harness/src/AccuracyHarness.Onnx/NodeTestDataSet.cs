using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Onnx;

/// <summary>One test_data_set_N folder of an ONNX backend test: the case's tensors and the expected output.</summary>
public sealed record NodeTestDataSet(string Name, CaseInputs Inputs, Tensor Expected);
