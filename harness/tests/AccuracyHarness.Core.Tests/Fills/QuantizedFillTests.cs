using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Fills;

/// <summary>The fills README "Data types (contract)" promises for quantized cases.</summary>
public class QuantizedFillTests
{
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Values_are_integers_of_their_types_and_scales_never_the_identity() =>
        Prop.ForAll(CaseGen.Arbitrary(CaseSpace.EveryQuantizedType), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var q = inputs.Quantization!;
            var (lo, hi) = CaseTypes.IntegerRange(c.Types.Source);
            var exactNearZeroPoint = c.Fill != FillMode.Exact || inputs.Input.Data.Select((v, i) =>
                Math.Abs(v - q.SourceZeroPoint(i / (inputs.Input.Length / (c.Batch * c.InChannels)) % c.InChannels))).All(d => d <= 4);
            return (inputs.Input.Data.All(v => v == Math.Round(v) && v >= lo && v <= hi)
                    && inputs.Weights.Data.All(v => v == Math.Round(v) && v >= -127 && v <= 127)
                    && exactNearZeroPoint
                    && q.WeightScales.All(s => s != 1 && s > 0)
                    && q.SourceScale > 0 && q.DestinationScale > 0
                    && q.WeightScales.Length == (c.PerChannelWeightScales ? c.OutChannels : 1)
                    && q.SourceZeroPoints.Length == (c.SourceZeroPoint.PerChannel ? c.InChannels : 1))
                .Label(c.Id);
        });

    /// <summary>A kernel that uses channel 0's value for every channel must not pass by luck.</summary>
    [TestCase("ic8_oc8_in3_k3_u8s8u8_zps-pc_sw-pc")]
    [TestCase("ic8_oc8_in3_k3_s8s8s8_zps-pc_sw-pc_seed77")]
    public void Per_channel_values_differ_between_neighbours_and_start_away_from_the_identity(string id)
    {
        var q = Fill.For(CaseId.Parse(id).Resolve()).Quantization!;
        Assert.That(q.SourceZeroPoints[0], Is.Not.EqualTo(0));
        Assert.That(q.WeightScales[0], Is.Not.EqualTo(1f));
        for (var i = 1; i < 8; i++)
        {
            Assert.That(q.SourceZeroPoints[i], Is.Not.EqualTo(q.SourceZeroPoints[i - 1]), $"zero point {i}");
            Assert.That(q.WeightScales[i], Is.Not.EqualTo(q.WeightScales[i - 1]), $"scale {i}");
        }
    }

    /// <summary>One case in four (by seed) saturates most of its outputs; the others rarely do.</summary>
    [Test]
    public void A_share_of_cases_drives_outputs_into_saturation()
    {
        var shares = Enumerable.Range(1, 40).Select(seed =>
        {
            var p = CaseId.Parse($"ic8_oc4_in6x6_k3x3_u8s8s8_seed{seed}").Resolve();
            var inputs = Fill.For(p);
            var real = ReferenceDeconvolution.Gather(p, inputs);
            return real.Output.Count(v => Math.Abs(real.Requantization!.Store(v)) >= 127) / (double)real.Output.Length;
        }).ToList();
        Assert.That(shares.Count(s => s > 0.5), Is.InRange(4, 20), string.Join(" ", shares.Select(s => s.ToString("0.00"))));
        Assert.That(shares.Count(s => s < 0.05), Is.GreaterThanOrEqualTo(20));
    }
}
