using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;

namespace AccuracyHarness.Core.Tests.Results;

public class VerdictTests
{
    private static CaseResult Result(Status status, DiagnosisKind kind = DiagnosisKind.None, string model = "", string message = "",
        string diagnosis = "a sentence the verdict must not read") => new()
    {
        Subject = new ResultSubject(CaseId.Parse("ic1_oc1_in3_k3"), "b", "d"), Status = status, Message = message,
        Diagnosis = new ResultDiagnosis { Kind = kind, FaultModel = model, Text = diagnosis },
    };

    [TestCase(Status.Fail, DiagnosisKind.FaultModel, "weights-not-flipped", "", "fail: weights-not-flipped")]
    [TestCase(Status.Fail, DiagnosisKind.ClosestFaultModel, "weights-not-flipped", "", "fail: weights-not-flipped")]
    [TestCase(Status.Fail, DiagnosisKind.Unexplained, "", "", "fail: Unexplained")]
    [TestCase(Status.Fail, DiagnosisKind.DeviceFinding, "", "oclgrind (deconv): invalid read", "fail: DeviceFinding")]
    [TestCase(Status.Error, DiagnosisKind.None, "",
        "ext:k on pocl: clBuildProgram failed with CL_BUILD_PROGRAM_FAILURE (-11); build log:\nline 3",
        "error: ext:k on pocl: clBuildProgram failed with CL_BUILD_PROGRAM_FAILURE (-N); build log:")]
    [TestCase(Status.Pass, DiagnosisKind.None, "", "", "pass")]
    public void The_verdict_keeps_the_fault_and_drops_what_changes_with_size(Status status, DiagnosisKind kind, string model,
        string message, string expected) =>
        Assert.That(Verdict.Of(Result(status, kind, model, message)).ToString(), Is.EqualTo(expected));

    [Test]
    public void Results_that_differ_only_in_the_numbers_of_their_sentences_are_the_same_verdict()
    {
        var sentence = Result(Status.Fail, DiagnosisKind.FaultModel, "bias-missing", diagnosis: "bias-missing explains 12 of 12 elements");
        var one = sentence with
        {
            Diagnosis = sentence.Diagnosis with { Location = "channel 1" },
            Metrics = new ResultMetrics { Mismatches = 12, BoundRatio = 3.5 },
        };
        var other = one with
        {
            Diagnosis = one.Diagnosis with { Text = "bias-missing explains 40 of 48 elements", Location = "all" },
            Metrics = new ResultMetrics { Mismatches = 40, BoundRatio = 9 },
        };
        Assert.That(Verdict.Of(other), Is.EqualTo(Verdict.Of(one)));
        Assert.That(Verdict.Of(other).GetHashCode(), Is.EqualTo(Verdict.Of(one).GetHashCode()));
        Assert.That(Verdict.Of(Result(Status.Error, message: "timed out after 30 s")),
            Is.EqualTo(Verdict.Of(Result(Status.Error, message: "timed out after 5 s"))));
    }

    [Test]
    public void Another_fault_model_kind_or_status_is_another_verdict()
    {
        var one = Verdict.Of(Result(Status.Fail, DiagnosisKind.FaultModel, "bias-missing"));
        Assert.That(Verdict.Of(Result(Status.Fail, DiagnosisKind.FaultModel, "weights-not-flipped")), Is.Not.EqualTo(one));
        Assert.That(Verdict.Of(Result(Status.Fail, DiagnosisKind.Unexplained)), Is.Not.EqualTo(one));
        Assert.That(Verdict.Of(Result(Status.Error, message: "bias-missing")), Is.Not.EqualTo(one));
    }

    [Test]
    public void Known_issues_of_one_kind_are_the_same_verdict_whatever_their_text()
    {
        CaseResult Known(KnownIssueKind kind, string text)
        {
            var r = Result(Status.Fail, DiagnosisKind.KnownIssue);
            return r with { Diagnosis = r.Diagnosis with { KnownIssues = [new KnownIssue(kind, text)] } };
        }
        Assert.That(Verdict.Of(Known(KnownIssueKind.Ambiguity, "axis 0: 7 > 5")),
            Is.EqualTo(Verdict.Of(Known(KnownIssueKind.Ambiguity, "axis 1: 3 > 2"))));
        Assert.That(Verdict.Of(Known(KnownIssueKind.Ambiguity, "x")), Is.Not.EqualTo(Verdict.Of(Known(KnownIssueKind.Defect, "x"))));
        Assert.That(Verdict.Of(Known(KnownIssueKind.Defect, "x")).ToString(), Is.EqualTo("fail: known Defect"));
    }
}
