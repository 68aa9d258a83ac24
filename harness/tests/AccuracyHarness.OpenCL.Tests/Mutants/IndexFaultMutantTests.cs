using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.OpenCL.Mutants;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Mutants;

/// <summary>
/// Each model of the index family against its built-in mutant, a real kernel on PoCL: on a case
/// where the model differs from every other, its output is reproduced by that model and by no other.
/// </summary>
public class IndexFaultMutantTests
{
    [TestCase("deconv-stride-phase-floored", "ic2_oc3_in5x4_k3x3_s2x2_pb1x1_bias_f32_nchw")]
    [TestCase("deconv-lower-check-missing", "ic2_oc3_in4x5_k3x3_bias_f32_nchw")]
    [TestCase("deconv-upper-check-missing", "ic2_oc3_in4x5_k3x3_bias_f32_nchw")]
    [TestCase("deconv-upper-limit-minus-one", "ic2_oc3_in4x5_k3x3_bias_f32_nchw")]
    [TestCase("deconv-dilation-on-input", "ic2_oc3_in5x5_k3x3_d1x2_bias_f32_nchw")]
    [TestCase("deconv-output-padding-at-begin", "ic2_oc3_in4x4_k3x3_s3x3_pb1x1_pe1x1_op2x2_bias_f32_nchw")]
    [TestCase("deconv-group-offset-missing", "ic4_oc6_g2_in3x3_k2x2_bias_f32_nchw")]
    public void The_mutant_is_reproduced_by_its_model_alone(string name, string id)
    {
        var mutant = MutantCatalogue.All.Single(m => m.Name == name);
        var run = CaseRun.Of(mutant.Create(), CaseId.Parse(id));
        Assert.That(run.Metrics.Passed, Is.False, "the mutant must fail on this case: " + run.Describe());
        var reference = ReferenceDeconvolution.Gather(run.Problem, run.Inputs);
        var diagnosis = Diagnoser.Diagnose(run.Problem, run.Inputs, reference, run.Produced.Output);
        Assert.That((diagnosis.Explained, diagnosis.Model), Is.EqualTo((true, mutant.Expected)), diagnosis.Text);
        Assert.That(diagnosis.Equally, Is.Empty, diagnosis.Text);
    }
}
