using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.OneDnn.Mutants;

namespace AccuracyHarness.OneDnn.Tests.Mutants;

public class OneDnnMutantsTests
{
    [SetUp]
    public void Library() => OneDnnTesting.Require();

    /// <summary>Each mutant fails on cases its fault touches and the diagnoser names the planted fault on every one.</summary>
    [TestCase("onednn-reorder-not-flipped",
        "mb1_ic3_oc4_in5x5_k3x3_pb1x1_pe1x1_bias", "mb1_ic4_oc6_g2_in6_k3_s2_pb1_nhwc", "mb1_ic2_oc3_in3x4x3_k2x2x2_blocked16")]
    [TestCase("onednn-padding-r-without-output-padding",
        "mb1_ic3_oc4_in5x5_k3x3_s2x2_pb1x1_pe1x1_op1x1", "mb1_ic2_oc2_in6_k2_s3_op2_nhwc",
        "mb1_ic4_oc4_g2_in3x3x3_k2x2x2_s2x2x2_op1x0x1_blocked16_f16")]
    public void IsCaughtAndNamed(string name, params string[] ids)
    {
        var mutant = OneDnnMutants.All.Single(m => m.Name == name);
        var cases = ids.Select(id => new SuiteCase(CaseId.Parse(id), "test")).ToList();
        var results = new RunPipeline([mutant.Create()], new RunOptions()).Run(cases, []);
        Assert.That(results, Has.Count.EqualTo(ids.Length));
        foreach (var r in results)
        {
            Assert.That(r.Status, Is.EqualTo(Status.Fail), () => $"{r.CaseId}: {r.Status} {r.Message}");
            Assert.That((r.Diagnosis.Kind, r.Diagnosis.FaultModel), Is.EqualTo((DiagnosisKind.FaultModel, mutant.Expected)),
                () => $"{r.CaseId}: {r.Diagnosis.Text}");
        }
    }

    /// <summary>
    /// The bias mapping fault fails every quantized case with a bias; until the quantized fault models are in the
    /// diagnosis, a fault model it names can only be the planted one.
    /// </summary>
    [Test]
    public void TheBiasMappingMutantFails()
    {
        var mutant = OneDnnMutants.All.Single(m => m.Name == "onednn-bias-not-rescaled");
        string[] ids =
        [
            "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8u8_zps3_zpd3_nhwc", "ic4_oc4_in5x5_k3x3_pb1x1_bias_s8s8f32_zps-2",
            "ic5_oc3_in4x4_k3x3_s2x2_bias_u8s8s32_sw-pc_blocked16_exact",
        ];
        var results = new RunPipeline([mutant.Create()], new RunOptions()).Run([.. ids.Select(id => new SuiteCase(CaseId.Parse(id), "test"))], []);
        foreach (var r in results)
        {
            Assert.That(r.Status, Is.EqualTo(Status.Fail), () => $"{r.CaseId}: {r.Status} {r.Message}");
            Assert.That(r.Diagnosis.FaultModel, Is.Null.Or.Empty.Or.EqualTo(mutant.Expected), () => $"{r.CaseId}: {r.Diagnosis.Text}");
        }
    }

    [Test]
    public void TheReorderMutantIsNamedByTheStageCheckToo()
    {
        var mutant = OneDnnMutants.All.Single(m => m.Name == "onednn-reorder-not-flipped");
        var cases = new[] { new SuiteCase(CaseId.Parse("mb1_ic2_oc2_in4x4_k2x3"), "test") };
        var results = new RunPipeline([mutant.Create()], new RunOptions()).Run(cases, []);
        Assert.That(results[0].Diagnosis.Stage, Does.StartWith("weights_reorder: dst[oc=0, c=0, y=0, x=0]").And.EndWith("(not flipped)"));
    }
}
