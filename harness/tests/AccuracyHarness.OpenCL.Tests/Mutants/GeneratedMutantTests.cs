using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.OpenCL.Mutants;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Mutants;

/// <summary>
/// A small seeded sample of generated mutants, real kernels on PoCL (the full measure is `mutants --generated`): each
/// is caught, and on every case it fails the diagnosis is an exact fit that the planted fault's own model agrees with.
/// </summary>
public class GeneratedMutantTests
{
    /// <summary>Large enough never to run out on these small cases: the verdict must not depend on the machine's speed.</summary>
    private static readonly TimeSpan Unbounded = TimeSpan.FromMinutes(5);

    private static readonly string[] Cases =
    [
        "mb2_ic4_oc6_g2_in4x5_k3x3_s2x2_pb1x1_bias_f32_nchw",
        "ic3_oc4_in7_k3_s2_pb1_op1_bias_f16_nhwc",
    ];

    [Test]
    public void A_seeded_sample_of_generated_mutants_is_caught_and_explained()
    {
        foreach (var mutant in MutantGenerator.Generate(8, seed: 11))
        {
            var backend = mutant.Backend(TestDevices.Pocl);
            var scored = 0;
            foreach (var id in Cases)
            {
                var run = CaseRun.Of(backend, CaseId.Parse(id));
                if (run.Metrics.Passed || !backend.Scored(run.Problem.Case.Id)) continue;
                scored++;
                var reference = ReferenceDeconvolution.Gather(run.Problem, run.Inputs);
                var diagnosis = Diagnoser.Diagnose(run.Problem, run.Inputs, reference, run.Produced.Output, searchBudget: Unbounded);
                Assert.That((diagnosis.Explained, backend.Predicted(run.Problem.Case.Id)), Is.EqualTo((true, true)),
                    $"{mutant.Name} ({mutant.Description}) on {id}: {diagnosis.Text}");
            }
            Assert.That(scored, Is.Positive, $"{mutant.Name} ({mutant.Description}) fails some case it can be scored on");
        }
    }
}
