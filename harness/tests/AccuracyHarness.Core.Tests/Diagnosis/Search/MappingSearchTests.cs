using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Diagnosis.Search;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Diagnosis.Search;

public class MappingSearchTests
{
    /// <summary>Large enough never to run out on these small cases: the verdict must not depend on the machine's speed.</summary>
    private static readonly TimeSpan Unbounded = TimeSpan.FromMinutes(5);

    private static FaultDiagnosis Searched(Problem p, CaseInputs inputs, Tensor got) =>
        Diagnoser.Diagnose(p, inputs, ReferenceDeconvolution.Gather(p, inputs), got, searchBudget: Unbounded);

    /// <summary>A weight buffer read under a random order of its axes, with random flips, is found again (or an equivalent).</summary>
    [FsCheck.NUnit.Property(MaxTest = 25)]
    public Property A_weight_axis_order_applied_then_searched_is_found() =>
        Prop.ForAll(CaseGen.Arbitrary(), Gen.Choose(0, 1 << 20).ToArbitrary(), (c, pick) =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var memory = new CaseMemory(p, inputs);
            var g = memory.Geometry;
            int[] sizes = [g.C, g.Mg, g.Z.Kernel, g.Y.Kernel, g.X.Kernel];
            var order = Enumerable.Range(0, 5).OrderBy(a => (a * 7919) ^ pick).ToArray();
            int[] flips = [.. Enumerable.Range(2, 3).Where(a => (pick >> a & 1) == 1)];
            var planted = memory.Predict(new KernelMapping(WeightRead: WeightOrders.Reads(sizes, order, flips)));
            var got = Diagnoser.AsOutput(p, planted);
            var correct = Comparator.Compare(ComparisonBasis.Of(p, ReferenceDeconvolution.Gather(p, inputs)), got).Passed;
            var diagnosis = Searched(p, inputs, got);
            return (correct || diagnosis.Explained).Label($"{c.Id} [{string.Join(",", order)}] flips {string.Join(",", flips)}: {diagnosis.Text}");
        });

    /// <summary>Output channels and batches in another order, and input axes swapped, are recovered.</summary>
    [TestCase("ic4_oc6_g2_in4x5_k3x3_s2x2_bias")]
    [TestCase("mb3_ic2_oc3_in5_k3_s2_pb1")]
    public void Output_and_input_mappings_are_recovered(string id)
    {
        var p = CaseId.Parse(id).Resolve();
        var inputs = Fill.For(p);
        var memory = new CaseMemory(p, inputs);
        var g = memory.Geometry;
        var mappings = new (KernelMapping Mapping, string Model)[]
        {
            (new KernelMapping(ChannelSource: [.. Enumerable.Range(0, g.M).Select(k => (k + 1) % g.M)]), SearchModels.OutputChannelsPermuted),
            (new KernelMapping(BatchSource: [.. Enumerable.Range(0, g.Batch).Select(k => g.Batch - 1 - k)]), SearchModels.BatchPermuted),
            (new KernelMapping(Input: new InputRead(Swap: (1, 2))), SearchModels.InputAddressing),
        };
        foreach (var (mapping, model) in mappings.Where(m => m.Mapping.BatchSource is null || g.Batch > 1))
        {
            var diagnosis = Searched(p, inputs, Diagnoser.AsOutput(p, memory.Predict(mapping)));
            Assert.That((diagnosis.Explained, diagnosis.Model), Is.EqualTo((true, model)), diagnosis.Text);
            Assert.That(diagnosis.Ranked[0], Has.Property("Exact").True.And.Property("Share").EqualTo(1.0));
        }
    }

    [Test]
    public void A_term_missing_in_part_of_the_output_is_named_with_where()
    {
        // The bias left out on the first column only (x = 0): no mapping does that, the decomposition does.
        var p = CaseId.Parse("ic2_oc3_in3x3_k3x3_s2x2_op0x1_bias_exact").Resolve();
        var inputs = Fill.For(p);
        var reference = ReferenceDeconvolution.Gather(p, inputs);
        var (width, plane) = (p.Axes3D()[2].Out, p.Axes3D()[1].Out * p.Axes3D()[2].Out);
        var output = reference.Output.Select((v, e) => e % width == 0 ? v - inputs.Bias!.Data[e / plane % 3] : v).ToArray();
        var diagnosis = Searched(p, inputs, Diagnoser.AsOutput(p, Prediction.Of(reference) with { Output = output }));
        Assert.That((diagnosis.Explained, diagnosis.Model), Is.EqualTo((true, SearchModels.Terms)), diagnosis.Text);
        Assert.That(diagnosis.Detail, Does.StartWith("bias missing on 21 elements").And.Contain("x = 0"));
    }

    /// <summary>
    /// A correct kernel that sums in another order (taps last to first, in f32) passes, and even searched on purpose
    /// (passing outputs are never diagnosed) no mapping or term explains its output: no false alarm.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 25)]
    public Property A_correct_output_is_never_explained() =>
        Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var reference = ReferenceDeconvolution.Gather(p, inputs);
            var got = ReversedFloatSum(p, inputs);
            var passed = Comparator.Compare(ComparisonBasis.Of(p, reference), got).Passed;
            var diagnosis = Diagnoser.Diagnose(p, inputs, reference, got, models: [], searchBudget: Unbounded);
            return (passed && !diagnosis.Explained && diagnosis.Model.Length == 0 && diagnosis.Ranked.Count == 0)
                .Label($"{c.Id}: passed {passed}, {diagnosis.Text}");
        });

    /// <summary>The output summed in f32, channels and taps last to first, then the bias.</summary>
    private static Tensor ReversedFloatSum(Problem p, CaseInputs inputs)
    {
        var memory = new CaseMemory(p, inputs);
        var products = new double[memory.Geometry.Cg * memory.Taps];
        var data = new float[memory.Geometry.OutputLength];
        for (var e = 0; e < data.Length; e++)
        {
            var bias = memory.Partials(e, products);
            var acc = 0f;
            for (var i = products.Length - 1; i >= 0; i--) acc += (float)products[i];
            data[e] = (float)Tensor.Round(acc + (float)bias, p.Case.Types.Destination);
        }
        return new Tensor(p.OutputShape, data, p.Case.Types.Destination);
    }
}
