using AccuracyHarness.Core.Cases;

namespace AccuracyHarness.OpenCL.Tests.Support;

/// <summary>
/// The shapes and attributes of ONNX's ConvTranspose node tests (onnx/backend/test/data/node/
/// test_convtranspose*), as case ids: values come from the harness's fill, shapes from the tests.
/// </summary>
public static class NodeCases
{
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["test_convtranspose"] = "ic1_oc2_in3x3_k3x3",
        ["test_convtranspose_1d"] = "ic1_oc2_in3_k3",
        ["test_convtranspose_3d"] = "ic1_oc2_in3x4x5_k3x3x3",
        ["test_convtranspose_autopad_same"] = "ic1_oc2_in3x3_k3x3_s2x2_ap-same-upper",
        ["test_convtranspose_dilations"] = "ic1_oc1_in3x3_k2x2_d2x2",
        ["test_convtranspose_kernel_shape"] = "ic1_oc2_in3x3_k3x3_s3x2_op1x1_os10x8",
        ["test_convtranspose_output_shape"] = "ic1_oc2_in3x3_k3x3_s3x2_os10x8",
        ["test_convtranspose_pad"] = "ic1_oc2_in3x3_k3x3_s3x2_op1x1",
        ["test_convtranspose_pads"] = "ic1_oc2_in3x3_k3x3_s3x2_pb1x2_pe1x2",
        ["test_convtranspose_with_kernel"] = "ic1_oc2_in3x3_k3x3_s3x2_op1x1_os10x8",
    };

    public static IEnumerable<TestCaseData> All() =>
        Ids.Select(kv => new TestCaseData(kv.Value).SetArgDisplayNames(kv.Key));

    public static DeconvCase Case(string id, string extra = "") => CaseId.Parse(id + extra);
}
