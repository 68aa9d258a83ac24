using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using AccuracyHarness.Core.Suites;
using AccuracyHarness.Onnx;

namespace AccuracyHarness.OnnxRuntime.Tests;

/// <summary>A known issue is the diagnosis of a failure whatever else the backend notes about the run.</summary>
public class KnownIssueDiagnosisTests
{
    [SetUp]
    public void Library() => Ort.Require();

    /// <summary>
    /// An output_shape beyond the natural size (a known ambiguity) in f16, run through Cast nodes:
    /// the backend also notes the casts, and the diagnosis is still the known issue, not a fault model.
    /// </summary>
    [TestCase(WeightsSource.Initializer)]
    [TestCase(WeightsSource.GraphInput)]
    public void An_f16_case_with_a_known_ambiguity_is_diagnosed_as_the_known_issue(WeightsSource weights)
    {
        var c = CaseId.Parse("mb1_ic1_oc1_in3x3_k3x3_s3x3_os11x11_bias_f16");
        IBackend backend = new OnnxRuntimeBackend(weights, new OnnxRuntimeOptions { F16ViaCasts = true });
        var result = new RunPipeline([backend], new RunOptions()).Run([new SuiteCase(c, "test")], []).Single();

        Assert.That(result.Status, Is.EqualTo(Status.Fail), ResultText.Message(result));
        Assert.That(result.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.KnownIssue), result.Diagnosis.Text);
        Assert.That(result.Diagnosis.KnownIssues.Select(k => k.Kind), Is.EqualTo(new[] { KnownIssueKind.Ambiguity }));
        Assert.That(result.Diagnosis.Text, Does.StartWith("known ambiguity: axis 0"));
        Assert.That(result.Diagnosis.FaultModel, Is.Empty);
        Assert.That(ResultText.Message(result), Does.StartWith(OnnxRuntimeBackend.F16CastsNote + "; known ambiguity:"));
        Assert.That(ReproLine.Of(result.Subject), Does.EndWith("--backends " + backend.Name + " --devices cpu --ort-f16-casts"));
    }
}
