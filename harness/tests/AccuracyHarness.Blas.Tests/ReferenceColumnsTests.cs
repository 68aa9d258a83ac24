using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Comparison;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Blas.Tests;

/// <summary>The reference as matrix products through OpenBLAS against the reference's loops.</summary>
public class ReferenceColumnsTests
{
    private const double UnitRoundoffF64 = 1.0 / (1L << 53);

    /// <summary>The underflow allowance per product, with room: twice the smallest f32 subnormal.</summary>
    private const double Underflow = 2.8e-45;

    /// <summary>
    /// The same addends in another order: each of the two sums is within gamma(K) * sum|addends| of the exact one (in
    /// double), so they are within twice that of each other; the term counts are the same. The |addend| sums come from
    /// a product in f32 bounded upwards: never below the loops' (which are within gamma(K) in double of the exact sum),
    /// and above them by at most what the f32 product can lose and the bound adds back, 3 gamma(C) in f32 for C input
    /// channels per group, plus the underflow allowance; so the comparison's bounds (in f32 and f16) stay within the
    /// same factor. Blocks of one and two input rows are drawn too, so that a case's columns come in several products.
    /// </summary>
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Products_sum_what_the_loops_sum() =>
        Prop.ForAll(CaseGen.Arbitrary(), Gen.Elements<int?>(1, 2, null).ToArbitrary(), (c, blockRows) =>
        {
            var p = c.Resolve();
            var inputs = Fill.For(p);
            var g = DeconvGeometry.Of(p);
            var loops = ReferenceDeconvolution.Gather(p, inputs);
            var columns = new ReferenceColumns(g, inputs.Input.Data, inputs.Weights.Data, inputs.Bias?.Data, BlasTesting.Gemm(),
                blockRows: blockRows);
            var sums = columns.Sums();
            var output = columns.Output();
            for (var i = 0; i < loops.Output.Length; i++)
            {
                var apart = 2 * Tolerance.Gamma(loops.Terms[i], UnitRoundoffF64) * loops.AbsSum[i];
                var where = $"{c.Id}, block rows {blockRows?.ToString() ?? "by default"}: element {i}";
                if (sums.Terms[i] != loops.Terms[i]) return false.Label($"{where}: terms {sums.Terms[i]} vs {loops.Terms[i]}");
                if (Math.Abs(sums.Output[i] - loops.Output[i]) > apart)
                    return false.Label($"{where}: {sums.Output[i]:R} vs {loops.Output[i]:R}, apart by more than {apart:R}");
                var below = loops.AbsSum[i] * (1 - Tolerance.Gamma(loops.Terms[i], UnitRoundoffF64));
                var above = (loops.AbsSum[i] * (1 + (3 * Tolerance.Gamma(g.Cg, Tolerance.UnitRoundoffF32)))) + (loops.Terms[i] * Underflow);
                if (sums.AbsSum[i] < below || sums.AbsSum[i] > above)
                    return false.Label($"{where}: |addend| sum {sums.AbsSum[i]:R} outside [{below:R}, {above:R}]");
                if (output[i] != sums.Output[i]) return false.Label($"{where}: the output alone {output[i]:R} vs {sums.Output[i]:R}");
                foreach (var type in new[] { DataType.F32, DataType.F16 })
                {
                    var mine = Tolerance.Bound(sums.Output[i], sums.AbsSum[i], sums.Terms[i], type);
                    var theirs = Tolerance.Bound(loops.Output[i], loops.AbsSum[i], loops.Terms[i], type);
                    var factor = 1 + (3 * Tolerance.Gamma(g.Cg, Tolerance.UnitRoundoffF32));
                    if (mine < theirs * (1 - 1e-12) || mine > (theirs * factor) + (loops.Terms[i] * Underflow))
                        return false.Label($"{where}: {type} bound {mine:R} vs {theirs:R}");
                }
            }
            return true.ToProperty();
        });

    /// <summary>
    /// The same case gives the same bits on every run and with one thread or two: OpenBLAS splits a product by rows and
    /// columns of the result, never along its sum. Large enough that OpenBLAS does use its threads.
    /// </summary>
    [Test]
    public void The_same_case_gives_the_same_bits_on_every_run_and_thread_count()
    {
        var p = CaseId.Parse("mb2_ic96_oc48_g1_in24x24_k5x5_s2x2_pb2x2_bias").Resolve();
        var inputs = Fill.For(p);
        var g = DeconvGeometry.Of(p);
        Assert.That(ReferenceColumns.Pays(g), Is.True, "the case takes the products in a run");
        var runs = new[] { 1, 2, 1, 2 }.Select(threads => ReferenceDeconvolution.Gather(p, inputs, BlasTesting.Gemm(threads))).ToList();
        foreach (var run in runs.Skip(1))
        {
            Assert.That(run.Output, Is.EqualTo(runs[0].Output));
            Assert.That(run.AbsSum, Is.EqualTo(runs[0].AbsSum));
            Assert.That(run.Terms, Is.EqualTo(runs[0].Terms));
        }
        Assert.That(ReferenceDeconvolution.Scatter(p, inputs, BlasTesting.Gemm(1)), Is.EqualTo(runs[0].Output));
    }

    /// <summary>
    /// A quantized case sums whole numbers: while an |addend| sum stays below 2^24 the f32 product is exact, and the
    /// sums are the loops' bit for bit (the epilogue's exactness test reads them); the values agree to double rounding.
    /// </summary>
    [Test]
    public void A_quantized_case_keeps_its_exact_addend_sums()
    {
        var p = CaseId.Parse("mb2_ic32_oc16_in24x24_k5x5_s2x2_pb2x2_u8s8s32").Resolve();
        var inputs = Fill.For(p);
        Assert.That(ReferenceColumns.Pays(DeconvGeometry.Of(p)), Is.True, "the case takes the products");
        var loops = ReferenceDeconvolution.Gather(p, inputs);
        var products = ReferenceDeconvolution.Gather(p, inputs, BlasTesting.Gemm());
        Assert.That(loops.AbsSum.Max(), Is.LessThan(1 << 24), "whole numbers below 2^24");
        Assert.That(products.AbsSum, Is.EqualTo(loops.AbsSum));
        Assert.That(products.Terms, Is.EqualTo(loops.Terms));
        Assert.That(products.Output, Is.EqualTo(loops.Output));
    }

    /// <summary>Small cases, and groups of fewer input channels than the products pay for, keep the loops and their exact order.</summary>
    [Test]
    public void Small_and_depthwise_cases_keep_the_loops()
    {
        foreach (var id in new[] { "mb1_ic8_oc8_in6x6_k3x3", "mb1_ic96_oc96_g96_in64x64_k5x5_s2x2" })
        {
            var p = CaseId.Parse(id).Resolve();
            var inputs = Fill.For(p);
            Assert.That(ReferenceColumns.Pays(DeconvGeometry.Of(p)), Is.False, id);
            var loops = ReferenceDeconvolution.Gather(p, inputs);
            var chosen = ReferenceDeconvolution.Gather(p, inputs, BlasTesting.Gemm());
            Assert.That(chosen.Output, Is.EqualTo(loops.Output), id);
            Assert.That(chosen.AbsSum, Is.EqualTo(loops.AbsSum), id);
            var scatter = ReferenceDeconvolution.Scatter(p, inputs, BlasTesting.Gemm());
            Assert.That(scatter, Is.EqualTo(ReferenceDeconvolution.Scatter(p, inputs)), id);
        }
    }
}
