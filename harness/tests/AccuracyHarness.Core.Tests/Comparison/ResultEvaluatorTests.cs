using System.Collections.Immutable;
using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Tests.Comparison;

public class ResultEvaluatorTests
{
    private static CaseResult Explain(Problem p, Func<Tensor, Tensor> damage, params string[] findings)
    {
        var inputs = Fill.For(p);
        var reference = ReferenceDeconvolution.Gather(p, inputs);
        var basis = ComparisonBasis.Of(p, reference);
        var correct = Diagnoser.AsOutput(p, Prediction.Of(reference));
        var output = new BackendOutput.Produced(damage(correct), [], [.. findings]);
        var (result, metrics) = ResultEvaluator.Evaluate(basis, new ResultSubject(p.Case, "damaged", "cpu"), output, 0);
        return ResultEvaluator.Explain(basis, inputs, reference, output, result, metrics);
    }

    private static Tensor WithNonFinite(Tensor t, int count)
    {
        var data = (float[])t.Data.Clone();
        for (var i = 0; i < count; i++) data[i] = float.PositiveInfinity;
        return new Tensor(t.Shape, data, t.StorageType);
    }

    [Test]
    public void A_device_finding_is_the_diagnosis_whatever_the_numbers_did()
    {
        var p = CaseId.Parse("ic2_oc3_in4x4_k3x3_s2x2_bias").Resolve();
        const string finding = "oclgrind (deconv): Invalid read of size 4 at global memory address 0x1000000000040";

        var agree = Explain(p, t => t, finding);
        Assert.That((agree.Status, agree.Diagnosis.Kind), Is.EqualTo((Status.Fail, DiagnosisKind.DeviceFinding)));
        Assert.That(agree.Diagnosis.Text, Is.EqualTo($"{ResultEvaluator.DeviceFinding}: {finding}\nnumbers: they agree"));

        var leaked = Explain(p, t => WithNonFinite(t, 3), finding);
        Assert.That(leaked.Diagnosis.Kind, Is.EqualTo(DiagnosisKind.DeviceFinding), leaked.Diagnosis.Text);
        Assert.That(leaked.Diagnosis.Text, Is.EqualTo($"{ResultEvaluator.DeviceFinding}: {finding}\nnumbers: " +
            $"3 of {p.OutputShape.Product()} elements differ (3 non-finite, attributed to the finding)"));

        var withoutFinding = Explain(p, t => WithNonFinite(t, 3));
        Assert.That(withoutFinding.Diagnosis.Kind, Is.Not.EqualTo(DiagnosisKind.DeviceFinding), "no finding, no device verdict");
    }
}
