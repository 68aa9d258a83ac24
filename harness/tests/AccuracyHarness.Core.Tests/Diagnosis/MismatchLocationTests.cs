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
}
