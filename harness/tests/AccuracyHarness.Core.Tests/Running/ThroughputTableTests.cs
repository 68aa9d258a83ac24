using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Generation;
using AccuracyHarness.Core.Reference;
using AccuracyHarness.Core.Results;
using AccuracyHarness.Core.Running;
using FsCheck;
using FsCheck.Fluent;

namespace AccuracyHarness.Core.Tests.Running;

public class ThroughputTableTests
{
    /// <summary>The multiply-adds counted are the products the reference sums: its term counts less the biases.</summary>
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Multiply_adds_are_the_reference_terms_without_bias() =>
        Prop.ForAll(CaseGen.Arbitrary(), c =>
        {
            var p = c.Resolve();
            var r = ReferenceDeconvolution.Gather(p, Fill.For(p));
            var products = r.Terms.Sum(t => (long)t) - (c.HasBias ? r.Terms.Length : 0);
            return (p.MultiplyAdds() == products)
                .Label($"{c.Id}: {p.MultiplyAdds()} counted, {products} summed");
        });

    [Test]
    public void Rates_are_multiply_adds_per_second_and_ratios_are_taken_on_the_cases_both_ran()
    {
        // 1x1 kernel, stride 1: 2*4*4*10*10 = 3200 multiply-adds each, the f16 one n/a on onnxruntime.
        var f32 = CaseId.Parse("mb2_ic4_oc4_in10x10_k1x1");
        var f16 = CaseId.Parse("mb2_ic4_oc4_in10x10_k1x1_f16");
        Assert.That(f32.Resolve().MultiplyAdds(), Is.EqualTo(3200));
        CaseResult Result(DeconvCase c, string backend, Status status, double seconds) =>
            new() { Subject = new ResultSubject(c, backend, "cpu"), Status = status, Metrics = new ResultMetrics { Seconds = seconds } };
        var table = new ThroughputTable();
        table.Add(
            [
                Result(f32, "onnxruntime", Status.Pass, 1e-6), Result(f16, "onnxruntime", Status.NotApplicable, 0),
                Result(f32, "mine", Status.Pass, 4e-6), Result(f16, "mine", Status.Fail, 2e-6),
            ],
            referenceSeconds: 3.2e-6, wallSeconds: 32e-6);
        var lines = table.Lines();
        Assert.That(lines, Has.Some.Match(@"^  onnxruntime@cpu +3\.200 +3\.200-3\.200 +1\.000$"));
        // 6400 multiply-adds in 6 us; against onnxruntime on the f32 case only: 1 us over 4 us.
        Assert.That(lines, Has.Some.Match(@"^  mine@cpu +1\.067 +1\.067-1\.067 +0\.250$"));
        Assert.That(lines, Has.Some.Match(@"^  reference gather \(comparison basis\) +2\.000 +2\.000-2\.000  10\.0% of the wall time$"));
        // mine's rate counts the f16 case onnxruntime did not run: 1.067 / 3.200 is not what the cases both ran say.
        Assert.That(lines, Has.Some.EqualTo("  mine@cpu x onnxruntime@cpu: 0.250 per run, 0.333 from the median rates"));
        Assert.That(lines, Has.None.StartsWith("  onnxruntime@cpu x "));
    }

    [Test]
    public void A_ratio_the_median_rates_would_put_otherwise_is_shown_beside_the_per_run_one()
    {
        var c = CaseId.Parse("mb2_ic4_oc4_in10x10_k1x1");
        CaseResult Result(string backend, double seconds) =>
            new() { Subject = new(c, backend, "cpu"), Status = Status.Pass, Metrics = new ResultMetrics { Seconds = seconds } };
        var table = new ThroughputTable();
        // Per run mine is 0.25, 2 and 0.25 of onnxruntime (median 0.25); the load moved between the runs, so the median
        // rates (0.8 and 1.6 GMAC/s) come from different runs and say 0.5.
        foreach (var (ort, mine) in new[] { (1e-6, 4e-6), (4e-6, 2e-6), (2e-6, 8e-6) })
            table.Add([Result("onnxruntime", ort), Result("mine", mine)], referenceSeconds: 1e-6, wallSeconds: 1e-5);
        var lines = table.Lines();
        Assert.That(lines, Has.Some.Match(@"^  mine@cpu +0\.800 +0\.400-1\.600 +0\.250$"));
        Assert.That(lines, Has.Some.EqualTo("  mine@cpu x onnxruntime@cpu: 0.250 per run, 0.500 from the median rates"));
    }
}
