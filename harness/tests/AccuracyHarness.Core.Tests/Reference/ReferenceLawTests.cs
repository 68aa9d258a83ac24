using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Rewrite;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Reference;

/// <summary>The laws that tie the two reference forms, the convolution and the rewrite together.</summary>
public class ReferenceLawTests
{
    /// <summary>Double sums in different orders agree to a few ulps of the absolute sum.</summary>
    private static bool Close(double a, double b, double scale) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, scale);

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Scatter_equals_gather() =>
        Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var gather = ReferenceDeconvolution.Gather(p, inputs);
            var scatter = ReferenceDeconvolution.Scatter(p, inputs);
            var bad = Enumerable.Range(0, scatter.Length).FirstOrDefault(i => !Close(scatter[i], gather.Output[i], gather.AbsSum[i]), -1);
            return (bad < 0).Label(bad < 0 ? "" : $"{c.Id}: element {bad} scatter {scatter[bad]} gather {gather.Output[bad]}");
        });

    /// <summary>The index family's gather with no departure is the reference, addend for addend, and reads only inside the input.</summary>
    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property The_correct_gather_variant_is_the_reference() =>
        Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var gather = ReferenceDeconvolution.Gather(p, inputs);
            var correct = AxisArithmetic.Correct;
            var (variant, unknown) = new GatherVariant(correct, correct, correct).Run(p, inputs);
            var same = variant.Output.SequenceEqual(gather.Output) && variant.AbsSum.SequenceEqual(gather.AbsSum)
                && variant.Terms.SequenceEqual(gather.Terms) && !unknown.Any(u => u);
            return same.Label(c.Id);
        });

    /// <summary>
    /// The gather's vector lanes (rows of at least one vector, masks near the borders) add each
    /// element's terms in the order one element at a time does: an identity "rounding" sends
    /// every element through the one-at-a-time path, and the bits must agree. Rows are widened
    /// so that most phases hold several vectors.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Vector_lanes_sum_exactly_as_one_element_at_a_time() =>
        Prop.ForAll(CaseGen.Arbitrary(), Gen.Choose(2, 9).ToArbitrary(), (c0, widen) =>
        {
            var c = c0 with { Input = c0.Input.Map((v, a) => a == c0.Input.Count - 1 ? v * widen : v), OutputShape = null };
            if (!CaseGen.IsValid(c)) return true.Label("widened case invalid");
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var g = DeconvGeometry.Of(p);
            var lanes = ReferenceDeconvolution.Gather(g, inputs.Input.Data, inputs.Weights.Data, inputs.Bias?.Data);
            var single = ReferenceDeconvolution.Gather(g, inputs.Input.Data, inputs.Weights.Data, inputs.Bias?.Data, v => v);
            var bad = Enumerable.Range(0, lanes.Output.Length).FirstOrDefault(
                i => BitConverter.DoubleToInt64Bits(lanes.Output[i]) != BitConverter.DoubleToInt64Bits(single.Output[i])
                    || BitConverter.DoubleToInt64Bits(lanes.AbsSum[i]) != BitConverter.DoubleToInt64Bits(single.AbsSum[i]),
                -1);
            return (bad < 0 && lanes.Terms.SequenceEqual(single.Terms)).Label(
                bad < 0
                    ? $"{c.Id}: term counts differ"
                    : $"{c.Id}: element {bad} lanes {lanes.Output[bad]:R} one at a time {single.Output[bad]:R}");
        });

    /// <summary>
    /// Deconvolution is the adjoint of the convolution with the same weights, strides, dilations
    /// and begin pads: &lt;deconv(x), y&gt; = &lt;x, conv(y)&gt; for every x and y (no bias).
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Deconvolution_is_the_adjoint_of_convolution() =>
        Prop.ForAll(CaseGen.Arbitrary(), c0 =>
        {
            var c = c0 with { HasBias = false };
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var deconv = ReferenceDeconvolution.Gather(p, inputs).Output;
            var y = Fill.Values(p.OutputShape, DataType.F32, FillMode.Random, c.Seed, stream: 99).Data;

            var conv = new ConvGeometry(
                c.Batch, c.OutChannels, c.InChannels, c.Groups, p.Output, c.Kernel, c.Strides, c.Dilations, p.PadsBegin, c.Input);
            var convY = ReferenceConvolution.Run(conv, y, inputs.Weights.Data, null);

            double left = 0, right = 0, scale = 0;
            for (var i = 0; i < deconv.Length; i++) left += deconv[i] * y[i];
            for (var i = 0; i < convY.Length; i++)
            {
                right += inputs.Input.Data[i] * convY[i];
                scale += Math.Abs(inputs.Input.Data[i] * convY[i]);
            }
            return Close(left, right, scale).Label($"{c.Id}: <deconv(x), y> = {left}, <x, conv(y)> = {right}");
        });

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Rewrite_equals_the_original_for_stride_one() =>
        Prop.ForAll(CaseGen.Arbitrary(CaseSpace.StrideOne), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var expected = ReferenceDeconvolution.Gather(p, inputs);
            var weights = DeconvAsConvolution.ReorderWeights(p, inputs.Weights);
            var got = ReferenceConvolution.Run(DeconvAsConvolution.Geometry(p), inputs.Input.Data, weights.Data, inputs.Bias?.Data);
            var bad = Enumerable.Range(0, got.Length).FirstOrDefault(i => !Close(got[i], expected.Output[i], expected.AbsSum[i]), -1);
            return (bad < 0).Label(bad < 0 ? "" : $"{c.Id}: element {bad} rewrite {got[bad]} deconv {expected.Output[bad]}");
        });

    /// <summary>
    /// For any stride, the rewrite over the input with s-1 zeros between neighbours (the fractionally
    /// strided form, <see cref="DeconvAsConvolution.ZeroInsert"/>) equals the original.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 150)]
    public Property Fractionally_strided_rewrite_equals_the_original() =>
        Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var expected = ReferenceDeconvolution.Gather(p, inputs);
            var geometry = DeconvAsConvolution.Geometry(p);
            var zeroInserted = DeconvAsConvolution.ZeroInsert(p, inputs.Input).Data;
            var got = ReferenceConvolution.Run(
                geometry, zeroInserted, DeconvAsConvolution.ReorderWeights(p, inputs.Weights).Data, inputs.Bias?.Data);
            var bad = Enumerable.Range(0, got.Length).FirstOrDefault(i => !Close(got[i], expected.Output[i], expected.AbsSum[i]), -1);
            return (bad < 0).Label(bad < 0 ? "" : $"{c.Id}: element {bad} rewrite {got[bad]} deconv {expected.Output[bad]}");
        });

    [Test]
    public void One_dimensional_case_is_the_transposed_convolution_matrix_times_x()
    {
        var c = CaseId.Parse("ic1_oc1_in4_k3_s2_d2_pb1_pe2_op1_seed5");
        var p = c.Resolve();
        var inputs = Fill.For(p);
        int input = c.Input[0], output = p.Output[0];

        // The convolution matrix A maps an output-sized vector to an input-sized one:
        // A[i, o] = w[t] where o = i*s + t*d - pb. The deconvolution is A^T x.
        var a = new double[input, output];
        for (var i = 0; i < input; i++)
        for (var t = 0; t < c.Kernel[0]; t++)
        {
            var o = (i * c.Strides[0]) + (t * c.Dilations[0]) - p.PadsBegin[0];
            if (o >= 0 && o < output) a[i, o] += inputs.Weights.Data[t];
        }
        var expected = new double[output];
        for (var o = 0; o < output; o++)
        for (var i = 0; i < input; i++)
            expected[o] += a[i, o] * inputs.Input.Data[i];

        Assert.That(ReferenceDeconvolution.Gather(p, inputs).Output, Is.EqualTo(expected).Within(1e-12));
        Assert.That(ReferenceDeconvolution.Scatter(p, inputs), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Bias_and_term_counts_are_reported_per_element()
    {
        var p = CaseId.Parse("ic2_oc1_in3_k2_s2_bias_exact").Resolve();
        var inputs = Fill.For(p);
        var r = ReferenceDeconvolution.Gather(p, inputs);
        // Stride 2 with k2: every output gets exactly one tap from each of the 2 input channels, plus the bias.
        Assert.That(r.Terms, Is.All.EqualTo(3));
        var x = inputs.Input.Data;
        var w = inputs.Weights.Data;
        var b = inputs.Bias!.Data[0];
        // o = 3 = i*2 + t: i = 1, t = 1; channels c = 0, 1 with W[c, 0, t] at c*2 + t.
        Assert.That(r.Output[3], Is.EqualTo(b + (x[1] * w[1]) + (x[3 + 1] * w[2 + 1])));
    }

    [Test]
    public void Large_work_runs_in_parallel_with_the_same_result_as_serial_order()
    {
        var p = CaseId.Parse("mb2_ic16_oc16_g2_in12x12_k3x3_s2x2_pb1x1_pe1x1_op1x1_bias").Resolve();
        var inputs = Fill.For(p);
        var first = ReferenceDeconvolution.Gather(p, inputs).Output;
        var second = ReferenceDeconvolution.Gather(p, inputs).Output;
        Assert.That(second, Is.EqualTo(first), "the reference must be deterministic");
        var scatter = ReferenceDeconvolution.Scatter(p, inputs);
        Assert.That(scatter, Is.EqualTo(first).Within(1e-12));
    }
}
