using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Diagnosis.Search;
using AccuracyHarness.Core.Fills;

namespace AccuracyHarness.Core.Tests.Diagnosis.Search;

public class EffectiveWeightsTests
{
    /// <summary>
    /// A 3D grouped case (720 axis orders times 8 flips of its weight buffer): the weights the planted order multiplies
    /// with are recovered from the output, so the planted order is admitted and the same order with another flip is not.
    /// </summary>
    [TestCase("ic4_oc6_g2_in3x3x2_k3x3x3_s2x2x2_pb1x1x1_op1x1x1_bias")]
    [TestCase("ic4_oc6_g2_in3x3x2_k3x3x3_s2x2x2_pb1x1x1_op1x1x1_bias_f16_nhwc")]
    [TestCase("ic3_oc4_in8x8_k3x3_s1x1_nobias_exact")]
    public void A_weight_order_is_recovered_from_the_output(string id)
    {
        var p = CaseId.Parse(id).Resolve();
        var memory = new CaseMemory(p, Fill.For(p));
        var g = memory.Geometry;
        int[] sizes = [g.C, g.Mg, g.Z.Kernel, g.Y.Kernel, g.X.Kernel];
        var planted = new KernelMapping(WeightRead: WeightOrders.Reads(sizes, [1, 4, 3, 2, 0], [3]));
        var otherFlip = new KernelMapping(WeightRead: WeightOrders.Reads(sizes, [1, 4, 3, 2, 0], [4]));
        var weights = EffectiveWeights.Recover(memory, Diagnoser.AsOutput(p, memory.Predict(planted)));
        Assert.That(weights, Is.Not.Null);
        Assert.That((weights!.Reproduces, weights.Admits(planted), weights.Admits(otherFlip)), Is.EqualTo((true, true, false)));
    }

    /// <summary>An input read wrongly is no weight read: no weights reproduce it, so every weight order is ruled out at once.</summary>
    [Test]
    public void An_input_fault_rules_out_every_weight_order()
    {
        var p = CaseId.Parse("ic4_oc6_g2_in4x5_k3x3_s2x2_bias").Resolve();
        var memory = new CaseMemory(p, Fill.For(p));
        var channelsReversed = new KernelMapping(Input: new InputRead(Channels: [3, 2, 1, 0]));
        var weights = EffectiveWeights.Recover(memory, Diagnoser.AsOutput(p, memory.Predict(channelsReversed)));
        Assert.That(weights, Is.Not.Null);
        Assert.That((weights!.Reproduces, weights.Admits(channelsReversed)), Is.EqualTo((false, true)));
        Assert.That(WeightOrders.All(memory).Count(h => weights.Admits(h.Mapping)), Is.Zero);
    }
}
