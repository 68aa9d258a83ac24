using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Tensors;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Comparison;

public class ComparatorTests
{
    /// <summary>
    /// A correct f32 kernel with an unusual summation order: each input channel's contribution
    /// is rounded to f32 on its own, then the contributions and the bias are added in f32 in a
    /// shuffled order.
    /// </summary>
    private static Tensor ChannelByChannelFloatSum(Problem p, CaseInputs inputs, int seed)
    {
        var plane = inputs.Input.Length / (p.Case.Batch * p.Case.InChannels);
        var partials = new List<double[]>();
        for (var channel = 0; channel < p.Case.InChannels; channel++)
        {
            var only = (float[])inputs.Input.Data.Clone();
            for (var i = 0; i < only.Length; i++)
            {
                if ((i / plane) % p.Case.InChannels != channel) only[i] = 0;
            }
            partials.Add(ReferenceDeconvolution.Scatter(p,
                inputs with { Input = new Tensor(inputs.Input.Shape, only, inputs.Input.StorageType), Bias = null }));
        }
        var random = new Random(seed);
        var output = new float[partials[0].Length];
        var channelPlane = output.Length / (p.Case.Batch * p.Case.OutChannels);
        for (var i = 0; i < output.Length; i++)
        {
            var addends = partials.Select(part => (float)part[i]).ToList();
            if (inputs.Bias is { } bias) addends.Add(bias.Data[(i / channelPlane) % p.Case.OutChannels]);
            float acc = 0;
            foreach (var addend in addends.OrderBy(_ => random.Next())) acc += addend;
            output[i] = Tensor.Round(acc, p.Case.Types.Destination);
        }
        return new Tensor(p.OutputShape, output, p.Case.Types.Destination);
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property F32_sums_in_any_order_stay_within_the_bound() =>
        Prop.ForAll(CaseGen.Arbitrary(new CaseSpace { Fills = [FillMode.Random] }), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var got = ChannelByChannelFloatSum(p, inputs, (int)c.Seed);
            var metrics = Comparator.Compare(p, ReferenceDeconvolution.Gather(p, inputs), got);
            return (metrics.Mismatches == 0).Label($"{c.Id}: bound ratio {metrics.BoundRatio}");
        });

    [Test]
    public void A_wrong_element_is_caught_and_located()
    {
        var p = CaseId.Parse("ic2_oc3_in4x4_k3x3_s2x2").Resolve();
        var inputs = Fill.For(p);
        var reference = ReferenceDeconvolution.Gather(p, inputs);
        var data = reference.Output.Select(v => (float)v).ToArray();
        var target = Tensor.Strides(p.OutputShape);
        var index = (int)((1 * target[1]) + (2 * target[2]) + 5);
        data[index] += 1e-3f;
        var metrics = Comparator.Compare(p, reference, new Tensor(p.OutputShape, data, DataType.F32));
        Assert.That(metrics.Mismatches, Is.EqualTo(1));
        Assert.That(metrics.Worst, Is.EqualTo(new[] { 0, 1, 2, 5 }));
        Assert.That(metrics.BoundRatio, Is.GreaterThan(100));
        Assert.That(metrics.MaxUlp, Is.GreaterThan(1000));
    }

    [Test]
    public void Exact_mode_requires_bit_equality()
    {
        var p = CaseId.Parse("ic2_oc3_in4x4_k3x3_s2x2_exact").Resolve();
        var inputs = Fill.For(p);
        var reference = ReferenceDeconvolution.Gather(p, inputs);
        var data = reference.Output.Select(v => (float)v).ToArray();
        Assert.That(Comparator.Compare(p, reference, new Tensor(p.OutputShape, data, DataType.F32)).Passed, Is.True);
        var i = Array.FindIndex(data, v => v != 0);
        data[i] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(data[i]) + 1);
        var metrics = Comparator.Compare(p, reference, new Tensor(p.OutputShape, data, DataType.F32));
        Assert.That(metrics.Mismatches, Is.EqualTo(1));
        Assert.That(metrics.MaxUlp, Is.EqualTo(1));
    }

    [Test]
    public void Nan_matches_only_nan()
    {
        var p = CaseId.Parse("ic1_oc1_in2_k1").Resolve();
        var reference = new ReferenceResult([double.NaN, 1.0], [1, 1], [1, 1]);
        Assert.That(Comparator.Compare(p, reference, new Tensor(p.OutputShape, [float.NaN, 1f], DataType.F32)).Passed, Is.True);
        var metrics = Comparator.Compare(p, reference, new Tensor(p.OutputShape, [0f, float.NaN], DataType.F32));
        Assert.That(metrics.Mismatches, Is.EqualTo(2));
    }

    [Test]
    public void Ulp_distance_crosses_zero()
    {
        var tiny = float.Epsilon;
        Assert.That(Comparator.UlpDistance(tiny, -tiny, DataType.F32), Is.EqualTo(2));
        Assert.That(Comparator.UlpDistance(0f, -0f, DataType.F32), Is.Zero);
        Assert.That(Comparator.UlpDistance(1f, 1f + (1f / 1024), DataType.F16), Is.EqualTo(1));
    }
}
