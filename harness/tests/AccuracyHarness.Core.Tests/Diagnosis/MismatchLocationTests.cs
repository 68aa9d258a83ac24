using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Tests.Diagnosis;

public class MismatchLocationTests
{
    private static bool[] Mask(Problem p, Func<int[], bool> where)
    {
        var shape = p.OutputShape;
        var mask = new bool[shape.Product()];
        for (var i = 0; i < mask.Length; i++) mask[i] = where(Tensor.Coordinates(shape, i));
        return mask;
    }

    [Test]
    public void Last_column_only_is_named_and_the_interior_is_clean()
    {
        // k3 s2 op1: back band of x is (k-1) - pe + op = 2 - 1 + 1 = 2 wide; the last column is in it.
        var p = CaseId.Parse("mb2_ic2_oc4_in4x4_k3x3_s2x2_pb1x1_pe1x1_op1x1").Resolve();
        var last = p.Output[1] - 1;
        var location = MismatchLocation.Of(p, Mask(p, c => c[3] == last));
        Assert.That(location.Sentence, Does.Contain($"the last output column (x = {last})"));
        Assert.That(location.Sentence, Does.Contain("interior of x clean"));
        Assert.That(location.Mismatches, Is.EqualTo(2 * 4 * p.Output[0]));
    }

    [Test]
    public void Channels_and_groups_are_named_when_only_some_differ()
    {
        var p = CaseId.Parse("ic4_oc6_g2_in3x3_k3x3").Resolve();
        var location = MismatchLocation.Of(p, Mask(p, c => c[1] is 3 or 4));
        Assert.That(location.Channels, Is.EqualTo(new[] { 3, 4 }));
        Assert.That(location.Groups, Is.EqualTo(new[] { 1 }));
        Assert.That(location.Sentence, Does.Contain("group 1").And.Contain("output channel 3, 4"));
        Assert.That(location.PerChannel[3], Is.EqualTo(p.Output.Product()));
    }

    [Test]
    public void Stride_phase_is_named()
    {
        var p = CaseId.Parse("ic1_oc1_in6_k3_s3").Resolve();
        var location = MismatchLocation.Of(p, Mask(p, c => c[2] % 3 == 1));
        Assert.That(location.Sentence, Does.Contain("stride phase x mod 3 = 1"));
    }

    [Test]
    public void Front_band_is_named()
    {
        // k5 d1 pb1: front band is (k-1)*d - pb = 3 wide.
        var p = CaseId.Parse("ic1_oc1_in8_k5_pb1_pe1").Resolve();
        var location = MismatchLocation.Of(p, Mask(p, c => c[2] is 0 or 2));
        Assert.That(MismatchLocation.BandOf(p, 0, 2), Is.EqualTo(Band.Front));
        Assert.That(MismatchLocation.BandOf(p, 0, 3), Is.EqualTo(Band.Interior));
        Assert.That(location.Sentence, Does.Contain("the front band of x (x = 0, 2)"));
    }

    [Test]
    public void Everything_wrong_says_so()
    {
        var p = CaseId.Parse("ic1_oc2_in3x3_k3x3").Resolve();
        Assert.That(MismatchLocation.Of(p, Mask(p, _ => true)).Sentence, Is.EqualTo($"all {p.OutputShape.Product()} elements differ"));
        Assert.That(MismatchLocation.Of(p, Mask(p, _ => false)).Sentence, Is.EqualTo("no mismatches"));
    }

    [Test]
    public void When_everything_differs_the_share_of_the_error_per_phase_band_and_group_is_said()
    {
        // Stride 2 on x: phase 0 carries nine times the error of phase 1; groups and y carry it evenly.
        var p = CaseId.Parse("ic2_oc4_g2_in3x3_k2x2_s1x2").Resolve();
        var shape = p.OutputShape;
        var ratios = new double[shape.Product()];
        for (var i = 0; i < ratios.Length; i++) ratios[i] = Tensor.Coordinates(shape, i)[3] % 2 == 0 ? 9 : 1.5;
        var sentence = MismatchLocation.Of(p, ratios).Sentence;
        Assert.That(sentence,
            Does.StartWith($"all {ratios.Length} elements differ; share of the error by stride phase of x (o mod 2): 0 "));
        var phase0 = ratios.Where((_, i) => Tensor.Coordinates(shape, i)[3] % 2 == 0).Sum() / ratios.Sum();
        Assert.That(sentence, Does.Contain($"0 {Math.Round(phase0 * 100)}%, 1 {Math.Round((1 - phase0) * 100)}%"));
        Assert.That(sentence, Does.Not.Contain("by group"), "the groups carry the error evenly");

        var even = MismatchLocation.Of(p, ratios.Select(_ => 2.0).ToArray()).Sentence;
        Assert.That(even, Does.EndWith("the error is spread evenly over stride phases, bands and groups"));
        Assert.That(MismatchLocation.Of(p, ratios.Select((r, i) => i == 0 ? 2.0 : 0.5).ToArray()).Sentence, Does.Not.Contain("share"),
            "a mismatch in one place is located, not shared out");
    }
}
