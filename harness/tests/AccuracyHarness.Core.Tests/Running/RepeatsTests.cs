using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;

namespace AccuracyHarness.Core.Tests.Running;

public class RepeatsTests
{
    private static CaseResult Result(
        string backend, Status status, DiagnosisKind kind = DiagnosisKind.None, string model = "", string diagnosis = "") =>
        new()
        {
            Subject = new ResultSubject(CaseId.Parse("ic1_oc1_in3_k3"), backend, "d"), Status = status, Message = diagnosis,
            Diagnosis = new ResultDiagnosis { Kind = kind, FaultModel = model, Text = diagnosis },
        };

    [Test]
    public void Runs_that_agree_keep_the_first_result_and_runs_that_differ_are_unstable()
    {
        var finding = Result("a", Status.Fail, DiagnosisKind.DeviceFinding, diagnosis: "device finding: Invalid read at 0x10");
        var leaked = Result("a", Status.Fail, DiagnosisKind.Unexplained, diagnosis: "unexplained");
        var calls = 0;
        IReadOnlyList<CaseResult>[] runs =
        [
            [finding, Result("b", Status.Pass)],
            [Result("a", Status.Fail, DiagnosisKind.DeviceFinding, diagnosis: "device finding: Invalid read at 0x20"),
                Result("b", Status.Pass)],
            [leaked, Result("b", Status.Pass)],
        ];
        var merged = Repeats.Run(3, () => runs[calls++]);

        Assert.That(calls, Is.EqualTo(3));
        Assert.That(merged[1], Is.EqualTo(runs[0][1]), "the same verdict every run: the first result as it was");
        Assert.That(merged[0].Status, Is.EqualTo(Status.Unstable));
        Assert.That(merged[0].Diagnosis.Text, Is.EqualTo("unstable over 3 runs: fail: DeviceFinding (2x); fail: Unexplained (1x)"));
        Assert.That(merged[0].Message, Does.StartWith(merged[0].Diagnosis.Text).And.Contain("first run: device finding"));
    }

    [Test]
    public void One_run_is_the_run_itself()
    {
        var calls = 0;
        IReadOnlyList<CaseResult> only = [Result("a", Status.Fail, DiagnosisKind.FaultModel, "bias-missing")];
        Assert.That(Repeats.Run(1, () => { calls++; return only; }), Is.SameAs(only));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void Unstable_is_a_status_word_of_its_own_and_counts_as_a_new_divergence()
    {
        Assert.That(StatusNames.Parse(StatusNames.Of(Status.Unstable)), Is.EqualTo(Status.Unstable));
        Assert.That(StatusNames.Of(Status.Unstable), Is.EqualTo("unstable"));
        var standing = Baseline.Empty.Classify([Result("a", Status.Unstable)]);
        Assert.That(standing.New, Has.Count.EqualTo(1));
    }
}
