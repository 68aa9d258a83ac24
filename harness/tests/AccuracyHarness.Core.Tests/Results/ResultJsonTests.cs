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
        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.None));
        Assert.That(result.Impl, Is.Empty);
        Assert.That(result.Diagnosis.Explanations, Is.Empty, "a line without ranked explanations has none");
        var again = ResultJson.ToLine(result);
        Assert.That(again, Does.StartWith(LegacyLine[..^1]), "every old field keeps its place and value; new ones come after");
    }

    [Test]
    public void Structured_fields_travel_through_a_line_and_the_message_field_keeps_its_old_meaning()
    {
        var result = new CaseResult
        {
            Subject = new ResultSubject(CaseId.Parse("ic1_oc1_in3_k3"), "onnxruntime", "cpu"), Status = Status.Fail,
            Message = "f16 run in f32 between Cast nodes",
            Diagnosis = new ResultDiagnosis
            {
                Text = "known ambiguity: axis 0", Kind = DiagnosisKind.KnownIssue,
                FaultModel = "pads-swapped", EquallyFitting = ["pad-begin-off-by-one"],
                Explanations = [new Explanation("pads-swapped", "pads swapped on x", 1, 0, true), new Explanation("terms", "bias missing", 0.25, 3, false)],
                Findings = ["oclgrind (deconv): invalid read"],
                KnownIssues = [new KnownIssue(KnownIssueKind.Ambiguity, "known ambiguity: axis 0")],
            },
            Metrics = new ResultMetrics { DeviceTimes = [new DeviceTime("deconv", 0.125)] }, Impl = "jit:avx2",
            Known = new KnownEntry("baseline", 3, "ORT reads the spec otherwise"),
        };
        var line = ResultJson.ToLine(result);
        const string message = "f16 run in f32 between Cast nodes; known ambiguity: axis 0; device time: deconv 0.125 ms";
        Assert.That(line, Does.Contain($"\"message\":\"{message}\""));
        var back = ResultJson.FromLine(line);
        Assert.That((back.Message, back.Diagnosis.Kind, back.Diagnosis.FaultModel), Is.EqualTo((result.Message, result.Diagnosis.Kind,
            result.Diagnosis.FaultModel)));
        Assert.That(back.Diagnosis.EquallyFitting, Is.EqualTo(result.Diagnosis.EquallyFitting));
        Assert.That(back.Diagnosis.Findings, Is.EqualTo(result.Diagnosis.Findings));
        Assert.That(back.Diagnosis.Explanations, Is.EqualTo(result.Diagnosis.Explanations));
        Assert.That(back.Diagnosis.KnownIssues, Is.EqualTo(result.Diagnosis.KnownIssues));
        Assert.That(back.Metrics.DeviceTimes, Is.EqualTo(result.Metrics.DeviceTimes));
        Assert.That(back.Impl, Is.EqualTo(result.Impl));
        Assert.That((back.Known, back.IsKnown), Is.EqualTo((result.Known, true)));
        Assert.That(ResultJson.ToLine(back), Is.EqualTo(line));
    }

    [TestCase("\"status\":\"pass\"", "\"status\":\"fial\"", "status: 'fial' is not pass, fail, error, n/a or unstable")]
    [TestCase("\"max_ulp\":107", "\"max_ulp\":\"107\"", "max_ulp: expected a whole number, got \"107\"")]
    [TestCase("\"source\":\"smoke:6\"", "\"source\":6", "source: expected a string, got a number")]
    [TestCase("\"backend\":\"opencl-replaced\",", "", "backend: is required")]
    [TestCase("\"elements\":196,", "\"elements\":196,\"diagnosis_kind\":\"3\",\"own_message\":\"\",",
        "diagnosis_kind: '3' is not one of None")]
    [TestCase("\"elements\":196,", "\"elements\":196,\"known_issues\":[{\"kind\":\"Bug\"}],", "known_issues[0].kind: 'Bug' is not one of")]
    [TestCase("\"elements\":196,", "\"elements\":196,\"map\":\"2x2;0:1,2\",",
        "map: '2x2;0:1,2': every channel needs ROWS x COLUMNS values")]
    [TestCase("\"worst\":\"0", "\"worst\":0\"", "worst: not valid JSON (byte ")]
    [TestCase("ap-notset", "ap-nonset", "case_id: case id token 'ap-nonset'")]
    public void A_corrupt_line_names_file_line_and_field(string valid, string corrupt, string message)
    {
        Assert.That(LegacyLine, Does.Contain(valid));
        Assert.That(() => ResultJson.FromLine(LegacyLine.Replace(valid, corrupt), "run/results.jsonl", 7),
            Throws.TypeOf<StoredFileException>().With.Message.StartWith("run/results.jsonl:7: " + message));
    }

    [TestCase("5", "json: expected a JSON object, got a number")]
    [TestCase("", "json: not valid JSON (byte 1)")]
    public void A_line_that_is_no_object_names_it(string line, string message) =>
        Assert.That(() => ResultJson.FromLine(line, "results.jsonl", 2),
            Throws.TypeOf<StoredFileException>().With.Message.StartWith("results.jsonl:2: " + message));

    [Test]
    public void Resuming_drops_only_a_last_line_cut_short_and_refuses_any_other_corrupt_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"resume-{Guid.NewGuid():N}.jsonl");
        var second = LegacyLine.Replace("\"backend\":\"opencl-replaced\"", "\"backend\":\"opencl-direct\"");
        try
        {
            var dropped = new List<string>();
            File.WriteAllText(path, LegacyLine + "\n" + second[..40]);
            Assert.That(ResultJson.RepairForResume(path, dropped.Add), Has.Count.EqualTo(1));
            Assert.That(dropped, Is.EqualTo(new[] { second[..40] }));
            Assert.That(File.ReadAllText(path), Is.EqualTo(LegacyLine + "\n"), "the file is left ready to append to");

            File.WriteAllText(path, second[..40] + "\n" + LegacyLine + "\n");
            Assert.That(() => ResultJson.RepairForResume(path, dropped.Add),
                Throws.TypeOf<StoredFileException>().With.Message.StartWith($"{path}:1: "), "a corrupt line in the middle");
            File.WriteAllText(path, LegacyLine + "\n" + second[..40] + "\n");
            Assert.That(() => ResultJson.RepairForResume(path, dropped.Add),
                Throws.TypeOf<StoredFileException>().With.Message.StartWith($"{path}:2: "),
                "a whole last line (newline written) that is corrupt");
            File.WriteAllText(path, LegacyLine + "\n" + second.Replace("\"pass\"", "\"fial\""));
            Assert.That(() => ResultJson.RepairForResume(path, dropped.Add),
                Throws.TypeOf<StoredFileException>().With.Message.StartWith($"{path}:2: status: "),
                "a last line that is JSON is not cut short");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
