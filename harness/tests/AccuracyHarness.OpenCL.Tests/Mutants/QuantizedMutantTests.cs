using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.OpenCL.Mutants;
using AccuracyHarness.OpenCL.Tests.Support;

namespace AccuracyHarness.OpenCL.Tests.Mutants;

/// <summary>
/// The mutants of the quantized and bf16 fault models, real kernels on PoCL, each on a case that exposes it: the
/// harness must fail the case, and its diagnosis must name the planted fault.
/// </summary>
public class QuantizedMutantTests
{
    private static readonly object[] Cases =
    [
        new object[] { "q-zero-point-ignored", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8f32_zps-pc_sw-pc" },
        new object[] { "q-zero-point-twice", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8f32_zps-pc_sw-pc" },
        new object[] { "q-zero-point-channel-zero", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8f32_zps-pc_sw-pc" },
        new object[] { "q-padding-zero", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8f32_zps-pc_sw-pc" },
        new object[] { "q-weight-scales-per-tensor", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8f32_zps-pc_sw-pc" },
        new object[] { "q-bias-scaled", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8f32_zps-pc_sw-pc" },
        // Ties that every exact evaluation decides (a power-of-two destination scale, few-bit scales, no bias).
        new object[] { "q-rounding-half-away", "ic3_oc4_in5x5_k3x3_s2x2_u8s8s32_zps-pc_seed5" },
        new object[] { "q-rounding-toward-zero", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8u8_zps-pc_zpd3_sw-pc" },
        new object[] { "q-wrap-around", "ic3_oc5_in6x6_k3x3_s2x2_s8s8u8_zps-pc_zpd2_sw-pc_po-leaky0.1+add-pc_blocked16" },
        new object[] { "q-dst-zero-point-dropped", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8u8_zps-pc_zpd3_sw-pc" },
        new object[] { "q-post-op-clamp", "ic3_oc4_in5x5_k3x3_s2x2_bias_u8s8u8_zps-pc_zpd3_sw-pc_po-relu+sum0.5" },
        new object[] { "bf16-truncation", "ic64_oc4_in8x8_k5x5_bias_bf16_exact" },
        new object[] { "bf16-accumulation", "ic8_oc4_in5x5_k3x3_s2x2_bias_bf16bf16f32" },
    ];

    [TestCaseSource(nameof(Cases))]
    public void The_mutant_is_caught(string name, string id)
    {
        var run = Run(name, id);
        Assert.That(run.Metrics.Passed, Is.False, "the mutant must fail on this case: " + run.Describe());
    }

    /// <summary>Needs the quantized fault models (Core/Diagnosis), written alongside these mutants.</summary>
    [TestCaseSource(nameof(Cases))]
    public void The_mutant_is_named(string name, string id)
    {
        var run = Run(name, id);
        var reference = ReferenceDeconvolution.Gather(run.Problem, run.Inputs);
        var diagnosis = Diagnoser.Diagnose(run.Problem, run.Inputs, reference, run.Produced.Output);
        var expected = MutantCatalogue.All.Single(m => m.Name == name).Expected;
        Assert.That(diagnosis.Explained && (diagnosis.Model == expected || diagnosis.Equally.Contains(expected)), diagnosis.Text);
    }

    [Test]
    public void Every_quantized_mutant_has_a_case_here()
    {
        var names = Cases.Cast<object[]>().Select(c => (string)c[0]).ToHashSet();
        var quantized = MutantCatalogue.All.Where(m => m.Name.StartsWith("q-", StringComparison.Ordinal) || m.Name.StartsWith("bf16-",
            StringComparison.Ordinal));
        Assert.That(quantized.Select(m => m.Name).Where(n => !names.Contains(n)), Is.Empty);
    }

    private static CaseRun Run(string name, string id) =>
        CaseRun.Of(MutantCatalogue.All.Single(m => m.Name == name).Create(), CaseId.Parse(id));
}
