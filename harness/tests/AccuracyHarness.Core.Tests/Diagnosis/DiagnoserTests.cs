using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Diagnosis;

public class DiagnoserTests
{
    private static Tensor Output(Problem p, Prediction prediction) => Diagnoser.AsOutput(p, prediction);

    /// <summary>A case where every fault model applies and they all differ.</summary>
    private const string Rich = "mb2_ic6_oc4_g2_in4x5_k3x2_s2x3_d2x1_pb2x0_pe1x1_op1x2_bias_f16_nhwc_seed11";

    private static IEnumerable<TestCaseData> EveryHypothesis()
    {
        var p = CaseId.Parse(Rich).Resolve();
        return FaultCatalogue.All.SelectMany(m => m.Propose(p, Fill.For(p)))
            .Select(h => new TestCaseData(h.Model, h.Detail).SetName($"{h.Model}: {h.Detail}"));
    }

    [TestCaseSource(nameof(EveryHypothesis))]
    public void Each_fault_is_named_from_its_own_output(string model, string detail)
    {
        var p = CaseId.Parse(Rich).Resolve();
        var inputs = Fill.For(p);
        var hypothesis = FaultCatalogue.Get(model).Propose(p, inputs).Single(h => h.Detail == detail);
        var diagnosis = Diagnoser.Diagnose(p, inputs, ReferenceDeconvolution.Gather(p, inputs), Output(p, hypothesis.Prediction));
        Assert.That(diagnosis.Explained, Is.True, diagnosis.Text);
        // Faults that coincide on this case (a begin pad one short where the output padding is 1) are
        // named by the simpler one first and the others as equally fitting.
        if (diagnosis.Model == model)
            Assert.That(diagnosis.Detail, Is.EqualTo(detail), diagnosis.Text);
        else
            Assert.That(diagnosis.Equally, Does.Contain(model), diagnosis.Text);
    }

    [Test]
    public void An_index_fault_is_proposed_on_the_axes_where_it_reads_otherwise_and_on_all_of_them_at_once()
    {
        Hypothesis[] Proposed(string model, string id)
        {
            var p = CaseId.Parse(id).Resolve();
            return [.. FaultCatalogue.Get(model).Propose(p, Fill.For(p))];
        }
        Assert.That(Proposed(FaultCatalogue.StridePhaseFloored, "ic1_oc1_in3x3_k3x3_s1x2").Select(h => h.Detail),
            Is.EqualTo(new[] { "division floored on x" }), "stride 1 on y: flooring changes nothing there");
        Assert.That(Proposed(FaultCatalogue.StridePhaseFloored, "ic1_oc1_in3x3_k3x3_s2x2").Select(h => h.Detail),
            Is.EqualTo(new[] { "division floored on y", "division floored on x", "division floored on y, division floored on x" }));
        Assert.That(Proposed(FaultCatalogue.DilationOnInput, "ic1_oc1_in3x3_k3x3_s2x2"), Is.Empty, "no dilation, nothing to misplace");
        Assert.That(Proposed(FaultCatalogue.OutputPaddingAtBegin, "ic1_oc1_in3x3_k3x3_s2x2_op0x1").Select(h => h.Detail),
            Is.EqualTo(new[] { "begin pad 0 - 1 on x" }));
        Assert.That(Proposed(FaultCatalogue.GroupOffsetMissing, "ic2_oc2_in3x3_k3x3"), Is.Empty);
    }

    /// <summary>The rich case quantized with every attribute (its destination scale saturates), and in bf16 with exact sums.</summary>
    private static readonly string[] RichKinds =
    [
        Rich,
        "mb2_ic6_oc4_g2_in4x5_k3x2_s2x3_d2x1_pb2x0_pe1x1_op1x2_bias_s8s8s8_zps-pc_zpd3_sw-pc_po-leaky0.25+sum0.5_nhwc_seed5",
        "mb2_ic6_oc4_g2_in4x5_k3x2_s2x3_d2x1_pb2x0_pe1x1_op1x2_bias_bf16_nhwc_exact_seed11",
    ];

    [Test]
    public void Every_model_applies_to_one_kind_of_the_rich_case() =>
        Assert.That(
            FaultCatalogue.All.Where(m => !RichKinds.Select(id => CaseId.Parse(id).Resolve()).Any(p => m.Propose(p, Fill.For(p)).Any()))
                .Select(m => m.Name),
            Is.Empty);

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property Any_fault_output_is_explained_by_a_model_with_the_same_prediction() =>
        Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var reference = ReferenceDeconvolution.Gather(p, inputs);
            var failures = FaultCatalogue.All.SelectMany(m => m.Propose(p, inputs))
                .Select(h => (h, d: Diagnoser.Diagnose(p, inputs, reference, Output(p, h.Prediction))))
                .Where(x => !x.d.Explained && !IsCorrect(p, reference, x.h))
                .Select(x => $"{x.h.Model} ({x.h.Detail}) -> {x.d.Text}")
                .ToList();
            return (failures.Count == 0).Label($"{c.Id}: {string.Join("; ", failures)}");
        });

    /// <summary>A hypothesis that gives the correct output on this case cannot be told apart, and is skipped.</summary>
    private static bool IsCorrect(Problem p, ReferenceResult reference, Hypothesis h) =>
        AccuracyHarness.Core.Comparison.Comparator.Compare(p, reference, Output(p, h.Prediction)).Passed;

    [Test]
    public void A_correct_but_noisy_output_is_unexplained()
    {
        var p = CaseId.Parse("ic3_oc4_in5x5_k3x3_s2x2_bias").Resolve();
        var inputs = Fill.For(p);
        var reference = ReferenceDeconvolution.Gather(p, inputs);
        var random = new Random(3);
        var noisy = new Tensor(p.OutputShape, reference.Output.Select(v => (float)(v + random.NextDouble())).ToArray(), DataType.F32);
        var diagnosis = Diagnoser.Diagnose(p, inputs, reference, noisy);
        Assert.That(diagnosis.Text, Is.EqualTo("unexplained"));
    }

    [Test]
    public void A_model_that_does_not_apply_runs_no_reference_variant()
    {
        // No bias, output padding, dilation or asymmetric pads: the models for them do not apply.
        var p = CaseId.Parse("ic2_oc2_in5x5_k3x3_s2x2_pb1x1_pe1x1").Resolve();
        // Weights of the wrong size: any reference variant run on them throws.
        var broken = Fill.For(p) with { Weights = new Tensor(Dims.From([1]), [0f], DataType.F32) };
        Assert.That(() => FaultCatalogue.Get(FaultCatalogue.WeightsNotFlipped).Propose(p, broken).ToList(), Throws.Exception,
            "a model that applies runs its variant");
        foreach (var name in new[] { FaultCatalogue.BiasMissing, FaultCatalogue.BiasDoubled, FaultCatalogue.OutputPaddingDropped,
                     FaultCatalogue.DilationDropped, FaultCatalogue.PadsSwapped })
            Assert.That(FaultCatalogue.Get(name).Propose(p, broken).ToList(), Is.Empty, name);
    }
}
