using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Reference;

/// <summary>The reference's data types and post-ops against README "Data types (contract)".</summary>
public class QuantizedReferenceTests
{
    /// <summary>Both forms sum integers exactly and share the epilogue, so a quantized case's real values agree to the bit.</summary>
    [FsCheck.NUnit.Property(MaxTest = 150)]
    public Property Scatter_equals_gather_exactly_in_integers() =>
        Prop.ForAll(CaseGen.Arbitrary(CaseSpace.EveryQuantizedType), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var gather = ReferenceDeconvolution.Gather(p, inputs).Output;
            var scatter = ReferenceDeconvolution.Scatter(p, inputs);
            var bad = Enumerable.Range(0, gather.Length).FirstOrDefault(i => gather[i] != scatter[i], -1);
            return (bad < 0).Label(bad < 0 ? "" : $"{c.Id}: element {bad} gather {gather[bad]} scatter {scatter[bad]}");
        });

    /// <summary>The reference backend (the scatter form, stored) passes every case of every type against the gather's basis.</summary>
    [FsCheck.NUnit.Property(MaxTest = 150)]
    public Property The_reference_backend_passes_every_type() =>
        Prop.ForAll(CaseGen.Arbitrary(CaseSpace.EveryType), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var basis = ComparisonBasis.Of(p, ReferenceDeconvolution.Gather(p, inputs));
            var produced = (BackendOutput.Produced)new ReferenceBackend().Run(p, inputs, CancellationToken.None);
            var metrics = Comparator.Compare(basis, produced.Output);
            return (metrics.Passed && produced.Output.Data.SequenceEqual(basis.Stored)).Label($"{c.Id}: {metrics}");
        });

    /// <summary>
    /// One input, one weight, kernel 1: every output is a single product, so the contract's formula is written out here
    /// with the case's own scales and zero points and compared with the reference, value for value.
    /// </summary>
    [TestCase("ic3_oc2_in4_k1_bias_u8s8u8_zps-pc_zpd7_sw-pc_seed3")]
    [TestCase("ic3_oc2_in4_k1_bias_s8s8s8_zps-5_zpd-3_seed4")]
    [TestCase("ic3_oc2_in4_k1_bias_u8s8s32_zps-pc_sw-pc_seed5")]
    [TestCase("ic1_oc2_in6_k1_bias_s8s8f32_zps-pc_sw-pc_exact_seed6")]
    public void A_single_product_follows_the_formula(string id)
    {
        var p = CaseId.Parse(id).Resolve();
        var inputs = Fill.For(p);
        var q = inputs.Quantization!;
        var c = p.Case;
        var stored = (BackendOutput.Produced)new ReferenceBackend().Run(p, inputs, CancellationToken.None);
        var width = c.Input[0];
        for (var oc = 0; oc < c.OutChannels; oc++)
        {
            for (var x = 0; x < width; x++)
            {
                double acc = 0;
                for (var ic = 0; ic < c.InChannels; ic++)
                    acc += (inputs.Input.Data[(ic * width) + x] - q.SourceZeroPoint(ic)) * inputs.Weights.Data[(ic * c.OutChannels) + oc];
                var real = (acc * q.SourceScale * q.WeightScale(oc)) + inputs.Bias!.Data[oc];
                var expected = c.Types.IntegerDestination
                    ? Math.Clamp(Math.Round(real / q.DestinationScale, MidpointRounding.ToEven) + q.DestinationZeroPoint,
                        CaseTypes.IntegerRange(c.Types.Destination).Min, CaseTypes.IntegerRange(c.Types.Destination).Max)
                    : (float)real;
                Assert.That(stored.Output.Data[(oc * width) + x], Is.EqualTo(expected), $"oc {oc} x {x}");
            }
        }
    }

    /// <summary>Padding is worth the zero point: a case with pads equals the same case cropped from a larger unpadded one.</summary>
    [Test]
    public void Padded_taps_contribute_nothing_in_real_terms()
    {
        var p = CaseId.Parse("ic2_oc2_in5_k3_pb2_pe2_u8s8f32_zps-pc").Resolve();
        var inputs = Fill.For(p);
        var real = ReferenceDeconvolution.Gather(p, inputs).Output;
        var unpadded = CaseId.Parse("ic2_oc2_in5_k3_u8s8f32_zps-pc").Resolve();
        var full = ReferenceDeconvolution.Gather(unpadded, inputs).Output;
        // Output length 5 + 2 - 4 = 3 for the padded case, 7 unpadded: the padded one is the unpadded one's middle.
        for (var oc = 0; oc < 2; oc++)
        {
            for (var x = 0; x < 3; x++) Assert.That(real[(oc * 3) + x], Is.EqualTo(full[(oc * 7) + x + 2]));
        }
    }

    /// <summary>Post-ops on the real value, as the contract lists them, against the case without them.</summary>
    [TestCase("po-relu")]
    [TestCase("po-leaky0.25")]
    [TestCase("po-clip-0.5to0.75")]
    [TestCase("po-sum0.5")]
    [TestCase("po-add-pc")]
    [TestCase("po-sum2+relu+add-pc")]
    public void Post_ops_apply_in_order_to_the_real_value(string chain)
    {
        var c = CaseId.Parse($"ic2_oc3_in4x4_k3x3_s2x2_bias_{chain}_seed9");
        var p = c.Resolve();
        var inputs = Fill.For(p);
        var plainP = (c with { PostOps = PostOps.None }).Resolve();
        var plain = ReferenceDeconvolution.Gather(plainP, inputs with { PostOps = null }).Output;
        var got = ReferenceDeconvolution.Gather(p, inputs).Output;
        var plane = plain.Length / c.OutChannels;
        for (var i = 0; i < plain.Length; i++)
        {
            var v = plain[i];
            for (var k = 0; k < c.PostOps.Count; k++)
            {
                var op = c.PostOps[k];
                v = op.Kind switch
                {
                    PostOpKind.Relu => v < 0 ? 0 : v,
                    PostOpKind.Leaky => v < 0 ? v * op.A : v,
                    PostOpKind.Clip => v < op.A ? op.A : v > op.B ? op.B : v,
                    PostOpKind.Sum => v + (op.A * inputs.PostOps!.SumPrior!.Data[i]),
                    _ => v + inputs.PostOps!.Operands[k]![i / plane],
                };
            }
            Assert.That(got[i], Is.EqualTo(v), $"element {i}");
        }
    }

    /// <summary>A sum prior of an integer destination is dequantized with the destination's scale and zero point.</summary>
    [Test]
    public void The_sum_of_an_integer_destination_adds_the_dequantized_prior()
    {
        var c = CaseId.Parse("ic2_oc2_in4_k3_u8s8u8_zps3_zpd5_po-sum0.5_seed2");
        var p = c.Resolve();
        var inputs = Fill.For(p);
        var q = inputs.Quantization!;
        var without = ReferenceDeconvolution.Gather((c with { PostOps = PostOps.None }).Resolve(), inputs with { PostOps = null }).Output;
        var with = ReferenceDeconvolution.Gather(p, inputs).Output;
        var prior = inputs.PostOps!.SumPrior!;
        Assert.That(prior.StorageType, Is.EqualTo(DataType.U8));
        for (var i = 0; i < with.Length; i++)
            Assert.That(with[i], Is.EqualTo(without[i] + (0.5 * (prior.Data[i] - 5) * q.DestinationScale)), $"element {i}");
    }

    [Test]
    public void Bf16_rounds_once_from_double()
    {
        // Just above a bf16 tie: rounding to f32 first would land on the tie and then round to even (down).
        var value = 1 + Math.ScaleB(1, -8) + Math.ScaleB(1, -30);
        Assert.That(Tensor.Round(value, DataType.BF16), Is.EqualTo(1 + Math.ScaleB(1, -7)));
        Assert.That(Tensor.Round(1 + Math.ScaleB(1, -8), DataType.BF16), Is.EqualTo(1f), "a tie rounds to even");
        Assert.That(Tensor.Round(3.3961775292304606e38, DataType.BF16), Is.EqualTo(float.PositiveInfinity));
        Assert.That(Tensor.Round(3.39e38, DataType.BF16), Is.EqualTo(3.3895313892515355e38f));
        Assert.That(Tensor.Round(Math.ScaleB(1, -134) * 3, DataType.BF16), Is.EqualTo((float)Math.ScaleB(1, -132)), "subnormal spacing 2^-133");
    }

    /// <summary>Every bf16 value is an f32 whose low 16 bits are zero, and rounding is to the nearest of them.</summary>
    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property Bf16_rounding_is_to_the_nearest_bf16() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NormalFloat>(), f =>
        {
            var v = f.Get;
            var r = Tensor.Round(v, DataType.BF16);
            if (float.IsInfinity(r)) return Math.Abs(v) > 3.38e38;
            var bits = BitConverter.SingleToInt32Bits(r);
            var down = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits((float)v) & ~0xFFFF);
            var up = BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(down) + 0x10000));
            var nearest = Math.Abs(v - down) <= Math.Abs(up - v) ? Math.Abs(v - down) : Math.Abs(up - v);
            return (bits & 0xFFFF) == 0 && Math.Abs(v - r) == nearest;
        });
}
