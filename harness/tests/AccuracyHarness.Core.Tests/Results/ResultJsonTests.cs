using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Tests.Results;

public class ResultJsonTests
{
    /// <summary>A line as the first version of results.jsonl wrote it: known issues and device times only inside "message".</summary>
    private const string LegacyLine =
        "{\"case_id\":\"mb1_ic3_oc4_g1_in5x5_k3x3_s1x1_d1x1_pb0x0_pe0x0_op0x0_ap-notset_nobias_f32_nchw_ran" +
        "dom_seed1\",\"backend\":\"opencl-replaced\",\"device\":\"pocl\",\"dtype\":\"f32\",\"layout\":\"bfyx\",\"status\":\"" +
        "pass\",\"max_abs_err\":4.76837158203125E-07,\"max_rel_err\":7.706257777710031E-06,\"max_ulp\":107,\"bou" +
        "nd_ratio\":0.2920651355795224,\"mismatches\":0,\"elements\":196,\"diagnosis\":\"\",\"stage\":\"\",\"location\"" +
        ":\"\",\"message\":\"rule corrected; device time: weights_reorder 0.016 ms, conv 0.035 ms\",\"worst\":\"0" +
        ",1,0,6\",\"seconds\":0.0635849,\"source\":\"smoke:6\",\"repro\":\"scripts/harness run --case mb1_ic3_oc4_" +
        "g1_in5x5_k3x3_s1x1_d1x1_pb0x0_pe0x0_op0x0_ap-notset_nobias_f32_nchw_random_seed1 --backends ope" +
        "ncl-replaced --devices pocl\",\"repro_args\":\"\"}";

    [Test]
    public void A_line_written_before_the_structured_fields_loads_and_writes_its_old_fields_unchanged()
    {
        var result = ResultJson.FromLine(LegacyLine);
        Assert.That(ResultText.Message(result), Is.EqualTo("rule corrected; device time: weights_reorder 0.016 ms, conv 0.035 ms"));
        Assert.That(result.DiagnosisKind, Is.EqualTo(DiagnosisKind.None));
        Assert.That(result.Impl, Is.Empty);
        var again = ResultJson.ToLine(result);
        Assert.That(again, Does.StartWith(LegacyLine[..^1]), "every old field keeps its place and value; new ones come after");
    }

    [Test]
    public void Structured_fields_travel_through_a_line_and_the_message_field_keeps_its_old_meaning()
    {
        var result = new CaseResult
        {
            Case = CaseId.Parse("ic1_oc1_in3_k3"), Backend = "onnxruntime", Device = "cpu", Status = Status.Fail,
            Message = "f16 run in f32 between Cast nodes", Diagnosis = "known ambiguity: axis 0", DiagnosisKind = DiagnosisKind.KnownIssue,
            FaultModel = "pads-swapped", EquallyFitting = ["pad-begin-off-by-one"], Findings = ["oclgrind (deconv): invalid read"],
            KnownIssues = [new KnownIssue(KnownIssueKind.Ambiguity, "known ambiguity: axis 0")],
            DeviceTimes = [new DeviceTime("deconv", 0.125)], Impl = "jit:avx2",
        };
        var line = ResultJson.ToLine(result);
        const string message = "f16 run in f32 between Cast nodes; known ambiguity: axis 0; device time: deconv 0.125 ms";
        Assert.That(line, Does.Contain($"\"message\":\"{message}\""));
        var back = ResultJson.FromLine(line);
        Assert.That((back.Message, back.DiagnosisKind, back.FaultModel), Is.EqualTo((result.Message, result.DiagnosisKind,
            result.FaultModel)));
        Assert.That(back.EquallyFitting, Is.EqualTo(result.EquallyFitting));
        Assert.That(back.Findings, Is.EqualTo(result.Findings));
        Assert.That(back.KnownIssues, Is.EqualTo(result.KnownIssues));
        Assert.That(back.DeviceTimes, Is.EqualTo(result.DeviceTimes));
        Assert.That(back.Impl, Is.EqualTo(result.Impl));
        Assert.That(ResultJson.ToLine(back), Is.EqualTo(line));
    }
}
