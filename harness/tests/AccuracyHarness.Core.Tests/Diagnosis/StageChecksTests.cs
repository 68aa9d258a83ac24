using AccuracyHarness.Core.Backends;
using AccuracyHarness.Core.Cases;
using AccuracyHarness.Core.Diagnosis;
using AccuracyHarness.Core.Fills;
using AccuracyHarness.Core.Rewrite;
using AccuracyHarness.Core.Tensors;

namespace AccuracyHarness.Core.Tests.Diagnosis;

public class StageChecksTests
{
    private static readonly Problem P = CaseId.Parse("ic4_oc6_g2_in4x4_k3x2").Resolve();

    /// <summary>Reordered weights built by a faulty rule: dst[oc, c, ky, kx] = src[pick(oc, c, ky, kx)].</summary>
    private static Tensor Reorder(Tensor w, Func<int, int, int, int, (int Ic, int M, int Ky, int Kx)> pick)
    {
        var shape = new Dims(P.Case.OutChannels, P.Cg, 3, 2);
        var data = new float[shape.Product()];
        var i = 0;
        for (var oc = 0; oc < P.Case.OutChannels; oc++)
        for (var c = 0; c < P.Cg; c++)
        for (var ky = 0; ky < 3; ky++)
        for (var kx = 0; kx < 2; kx++)
        {
            var (ic, m, sy, sx) = pick(oc, c, ky, kx);
            data[i++] = w.Data[(((ic * P.Mg) + m) * 6) + (sy * 2) + sx];
        }
        return new Tensor(shape, data, w.StorageType);
    }

    private static int Ic(int oc, int c) => (oc / P.Mg * P.Cg) + c;

    [Test]
    public void Correct_reorder_passes_and_the_output_stage_is_blamed()
    {
        var w = Fill.For(P).Weights;
        Assert.That(StageChecks.CheckWeightsReorder(P, w, DeconvAsConvolution.ReorderWeights(P, w)), Is.Null);
        var stages = new[] { new StageOutput(StageChecks.WeightsReorder, DeconvAsConvolution.ReorderWeights(P, w)) };
        Assert.That(StageChecks.Describe(P, Fill.For(P), stages), Does.StartWith("output: the final stage diverges"));
    }

    [Test]
    public void Missing_flip_is_named_with_the_first_differing_element()
    {
        var w = Fill.For(P).Weights;
        var got = Reorder(w, (oc, c, ky, kx) => (Ic(oc, c), oc % P.Mg, ky, kx));
        Assert.That(StageChecks.CheckWeightsReorder(P, w, got),
            Is.EqualTo("dst[oc=0, c=0, y=0, x=0] holds src[ic=0, m=0, y=0, x=0] (not flipped)"));
    }

    [Test]
    public void Flip_on_one_axis_only_is_named()
    {
        var w = Fill.For(P).Weights;
        var got = Reorder(w, (oc, c, ky, kx) => (Ic(oc, c), oc % P.Mg, 2 - ky, kx));
        Assert.That(StageChecks.CheckWeightsReorder(P, w, got), Does.EndWith("(flipped on y only)"));
    }

    [Test]
    public void Reorder_without_channel_swap_is_named()
    {
        var w = Fill.For(P).Weights;
        // Copied in place: dst flat index i holds src flat index i (then flipped), the transposed-reorder fault.
        var shape = new Dims(P.Case.OutChannels, P.Cg, 3, 2);
        var data = new float[w.Length];
        for (var block = 0; block < w.Length / 6; block++)
        for (var t = 0; t < 6; t++)
            data[(block * 6) + t] = w.Data[(block * 6) + t];
        var finding = StageChecks.CheckWeightsReorder(P, w, new Tensor(shape, data, DataType.F32));
        Assert.That(finding, Does.EndWith("(in/out channels not swapped, not flipped)"));
        var stages = new[] { new StageOutput(StageChecks.WeightsReorder, new Tensor(shape, data, DataType.F32)) };
        Assert.That(StageChecks.Describe(P, Fill.For(P), stages), Does.StartWith("weights_reorder: dst["));
    }
}
